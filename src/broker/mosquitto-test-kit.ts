/** Starts mosquitto (MQTT 5) with a WebSocket listener on a free port, for the broker tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findMosquitto } from '../../scripts/system-deps.mjs';

export interface RunningMosquitto {
  url: string;
  /** The TCP listener (mqtt://), for Node clients such as the headless runner. */
  tcpUrl: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Throws, naming the fix, when mosquitto is not installed: a broker test must fail, never skip. */
export async function startMosquitto(): Promise<RunningMosquitto> {
  const mosquitto = findMosquitto();
  if (mosquitto === null) {
    throw new Error(
      'no mosquitto (MOSQUITTO_PATH, PATH, /usr/sbin): install it with `node scripts/ensure-system-deps.mjs` (npm test runs it first), ' +
        'set MOSQUITTO_PATH to its binary, or OTA_TEST_MQTT5_URL to an MQTT 5 broker with a WebSocket listener',
    );
  }
  const port = await freePort();
  // mosquitto 2.0.11 refuses to start with only a WebSocket listener, hence the TCP one.
  const tcpPort = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'ota-broker-mosquitto-'));
  const conf = join(dir, 'mosquitto.conf');
  writeFileSync(
    conf,
    [
      'allow_anonymous true',
      'persistence false',
      'log_dest stderr',
      'log_type error',
      `listener ${tcpPort} 127.0.0.1`,
      `listener ${port} 127.0.0.1`,
      'protocol websockets',
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(mosquitto, ['-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 10_000;
  while (!(await accepts(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`mosquitto did not start on port ${port}: ${stderr.trim()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url: `ws://127.0.0.1:${port}/mqtt`, tcpUrl: `mqtt://127.0.0.1:${tcpPort}`, stop };
}
