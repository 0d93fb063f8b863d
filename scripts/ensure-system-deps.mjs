#!/usr/bin/env node
// Runs before the unit and e2e tests: the broker's unit tests and the e2e rig need a real
// mosquitto, the e2e tests Debian's Chromium. When either is missing we install it only where that
// is safe and expected (root on Debian, e.g. CI); anywhere else we stop and name the exact command,
// rather than sudo-ing or downloading a browser ourselves.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { DEBIAN_PACKAGES, findChromium, findMosquitto } from './system-deps.mjs';

function missingPrograms() {
  const missing = [];
  if (!findMosquitto()) missing.push('mosquitto');
  if (!findChromium()) missing.push('chromium');
  return missing;
}

function run(command, args, env) {
  console.log(`$ ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
}

function installCommand(packages) {
  return `apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ${packages.join(' ')}`;
}

function report() {
  console.log(`system deps: mosquitto ${findMosquitto()}, chromium ${findChromium()}`);
}

// An explicit path that is wrong is a typo to fix, not something apt-get can repair.
for (const variable of ['MOSQUITTO_PATH', 'CHROMIUM_PATH']) {
  const value = process.env[variable];
  if (value && !(variable === 'MOSQUITTO_PATH' ? findMosquitto() : findChromium())) {
    console.error(`system deps: ${variable}=${value} is not an executable file; fix or unset it.`);
    process.exit(1);
  }
}

const missing = missingPrograms();
if (missing.length === 0) {
  report();
  process.exit(0);
}

const packages = missing.map((program) => DEBIAN_PACKAGES[program]);
const isRoot = process.getuid?.() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
console.log(`system deps: missing ${missing.join(', ')}`);

if (!isRoot || !hasApt) {
  console.error(
    [
      `The tests need ${missing.join(' and ')}.`,
      hasApt
        ? `Install with:\n  sudo sh -c '${installCommand(packages)}'`
        : `Install the ${packages.join(' and ')} package(s) with your system's package manager.`,
      'Or point MOSQUITTO_PATH / CHROMIUM_PATH at existing binaries.',
    ].join('\n'),
  );
  process.exit(1);
}

try {
  run('apt-get', ['update']);
  // Debian's mosquitto package may start a system broker on port 1883; the tests never use it
  // (every test broker listens on free ports of its own).
  run('apt-get', ['install', '-y', ...packages], { DEBIAN_FRONTEND: 'noninteractive' });
} catch (error) {
  console.error(`system deps: install failed: ${error instanceof Error ? error.message : String(error)}`);
  console.error(`Run it by hand: ${installCommand(packages)}`);
  process.exit(1);
}

const stillMissing = missingPrograms();
if (stillMissing.length > 0) {
  console.error(`system deps: still missing after install: ${stillMissing.join(', ')}`);
  process.exit(1);
}
report();
