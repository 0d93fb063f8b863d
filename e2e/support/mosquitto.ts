import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findMosquitto } from '../../scripts/system-deps.mjs';
import { freePorts } from './free-port';
import { waitForPort } from './wait-for-port';

export interface MosquittoOptions {
  /**
   * Largest PUBLISH payload (bytes) the broker accepts; larger ones are dropped and the publisher
   * stays connected. null: no limit. Default 300000, because mosquitto 2.0.11 stalls a WebSocket
   * subscriber it has to deliver ~1 MB frames to. `message_size_limit` is deprecated in
   * 2.0 in favour of `max_packet_size`, but that one disconnects the publisher instead of dropping
   * its message, which is not what a test injecting a huge payload wants.
   */
  messageSizeLimit?: number | null;
  /** Extra global mosquitto.conf lines, e.g. `password_file ...` (then set allowAnonymous false). */
  extraConfig?: readonly string[];
  allowAnonymous?: boolean;
}

export interface MosquittoBroker {
  /** For the page: `ws://127.0.0.1:<wsPort>/mqtt` (mosquitto accepts any path). */
  readonly wsUrl: string;
  /** For Node test clients: `mqtt://127.0.0.1:<port>`. */
  readonly tcpUrl: string;
  readonly port: number;
  readonly wsPort: number;
  /** SIGTERM and wait for exit: clients see the connection drop. */
  stop(): Promise<void>;
  /** Start again on the same ports (after stop or kill); resolves once both accept connections. */
  start(): Promise<void>;
  /**
   * SIGKILL and wait for exit, like a crash; also removes the temp config (start() writes it
   * again). Safe to call when already stopped: fixtures call it at teardown.
   */
  kill(): Promise<void>;
  /** The broker's recent log lines, for failure reports. */
  log(): string;
}

const LOG_LINES_KEPT = 300;
const running = new Set<ChildProcess>();
const tempDirs = new Set<string>();

// Fixture teardown stops every broker, also after a failed test. This covers what teardown
// cannot: a worker exiting on an uncaught error or a timeout.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

function configText(port: number, wsPort: number, options: MosquittoOptions): string {
  const limit = options.messageSizeLimit === undefined ? 300_000 : options.messageSizeLimit;
  return [
    `allow_anonymous ${options.allowAnonymous ?? true}`,
    'persistence false',
    ...(limit === null ? [] : [`message_size_limit ${limit}`]),
    'log_dest stderr',
    'log_type error',
    'log_type warning',
    'log_type notice',
    'log_type information',
    ...(options.extraConfig ?? []),
    `listener ${port} 127.0.0.1`,
    `listener ${wsPort} 127.0.0.1`,
    'protocol websockets',
    '',
  ].join('\n');
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * A real mosquitto (the e2e tests' broker) in its own process on two free loopback ports:
 * MQTT over TCP for Node test clients and MQTT over WebSocket for the page.
 */
export async function startMosquitto(options: MosquittoOptions = {}): Promise<MosquittoBroker> {
  const binary = findMosquitto();
  if (!binary) throw new Error('mosquitto not found: run `node scripts/ensure-system-deps.mjs`');
  const dir = mkdtempSync(join(tmpdir(), 'e2e-mosquitto-'));
  tempDirs.add(dir);
  const confPath = join(dir, 'mosquitto.conf');
  const logLines: string[] = [];
  let child: ChildProcess | null = null;

  const launch = async (port: number, wsPort: number): Promise<void> => {
    mkdirSync(dir, { recursive: true });
    tempDirs.add(dir);
    writeFileSync(confPath, configText(port, wsPort, options), { mode: 0o644 });
    const proc = spawn(binary, ['-c', confPath], { stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    running.add(proc);
    let exitReason: string | null = null;
    proc.once('exit', (code, signal) => {
      running.delete(proc);
      exitReason = `mosquitto exited (${signal ?? code}) before listening:\n${logLines.slice(-20).join('\n')}`;
    });
    const keep = (chunk: Buffer) => {
      logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      if (logLines.length > LOG_LINES_KEPT) logLines.splice(0, logLines.length - LOG_LINES_KEPT);
    };
    proc.stdout?.on('data', keep);
    proc.stderr?.on('data', keep);
    try {
      await waitForPort(port, { abort: () => exitReason });
      await waitForPort(wsPort, { abort: () => exitReason });
    } catch (error) {
      proc.kill('SIGKILL');
      await waitForExit(proc);
      throw error;
    }
  };

  const terminate = async (signal: NodeJS.Signals): Promise<void> => {
    const proc = child;
    child = null;
    if (!proc) return;
    proc.kill(signal);
    const exited = waitForExit(proc);
    const escalate = setTimeout(() => proc.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(escalate);
  };

  // Between the free-port probe and mosquitto's bind another process may take a port;
  // then mosquitto exits at once and we try other ports.
  let ports: number[];
  for (let attempt = 1; ; attempt++) {
    ports = await freePorts(2);
    try {
      await launch(ports[0]!, ports[1]!);
      break;
    } catch (error) {
      if (attempt >= 3) {
        rmSync(dir, { recursive: true, force: true });
        tempDirs.delete(dir);
        throw error;
      }
    }
  }
  const [port, wsPort] = ports as [number, number];

  return {
    wsUrl: `ws://127.0.0.1:${wsPort}/mqtt`,
    tcpUrl: `mqtt://127.0.0.1:${port}`,
    port,
    wsPort,
    stop: () => terminate('SIGTERM'),
    kill: async () => {
      await terminate('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
      tempDirs.delete(dir);
    },
    start: async () => {
      if (child) throw new Error('mosquitto is already running');
      await launch(port, wsPort);
    },
    log: () => logLines.join('\n'),
  };
}
