import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A mosquitto password file (and optional ACL file) for a spec, as `brokerOptions.extraConfig`
 * lines. Made once per worker when the spec module loads and removed when the worker exits, not
 * in afterAll: a worker may run afterAll, move to another file and come back to this one, and the
 * module (with these paths) is not loaded again.
 */
export function brokerAccounts(users: Readonly<Record<string, string>>, acl?: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-accounts-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  // mosquitto started as root reads these after dropping to its own user.
  chmodSync(dir, 0o755);
  const passwords = join(dir, 'passwords');
  let first = true;
  for (const [user, password] of Object.entries(users)) {
    execFileSync('mosquitto_passwd', ['-b', ...(first ? ['-c'] : []), passwords, user, password]);
    first = false;
  }
  chmodSync(passwords, 0o644);
  const config = [`password_file ${passwords}`];
  if (acl !== undefined) {
    const aclFile = join(dir, 'acl');
    writeFileSync(aclFile, acl, { mode: 0o644 });
    config.push(`acl_file ${aclFile}`);
  }
  return config;
}
