import { connect } from 'node:net';

function canConnect(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.setTimeout(1000, () => done(false));
  });
}

/**
 * Resolves once `port` accepts TCP connections. `abort` lets the caller stop waiting early, e.g.
 * when the process that should listen has already exited; its reason becomes the error.
 */
export async function waitForPort(
  port: number,
  { host = '127.0.0.1', timeoutMs = 10_000, abort }: { host?: string; timeoutMs?: number; abort?: () => string | null } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const reason = abort?.();
    if (reason) throw new Error(reason);
    if (await canConnect(port, host)) return;
    if (Date.now() > deadline) throw new Error(`nothing accepted connections on ${host}:${port} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
