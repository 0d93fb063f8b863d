// Where the system programs the e2e tests need live. Shared by scripts/ensure-system-deps.mjs
// (which installs them) and the Playwright rig (which runs them), so both agree on one answer.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name);
  }
  return null;
}

/** MOSQUITTO_PATH, else `mosquitto` on PATH, else Debian's /usr/sbin/mosquitto (not on a user's PATH). */
export function findMosquitto() {
  const fromEnv = process.env.MOSQUITTO_PATH;
  if (fromEnv) return isExecutable(fromEnv) ? fromEnv : null;
  return onPath('mosquitto') ?? (isExecutable('/usr/sbin/mosquitto') ? '/usr/sbin/mosquitto' : null);
}

/** CHROMIUM_PATH, else Debian's /usr/bin/chromium. Never a Playwright-downloaded browser. */
export function findChromium() {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  return isExecutable(path) ? path : null;
}

/** The Debian packages providing each program. */
export const DEBIAN_PACKAGES = { mosquitto: 'mosquitto', chromium: 'chromium' };
