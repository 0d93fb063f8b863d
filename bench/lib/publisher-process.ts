import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FromPublisher, PublisherInit, PublisherRun, RunReport } from '../publisher/protocol.ts';

const MAIN = fileURLToPath(new URL('../publisher/main.ts', import.meta.url));

export interface Publisher {
  run(schedule: Omit<PublisherRun, 'type'>): Promise<RunReport>;
  close(): Promise<void>;
}

/** Starts the publisher process and connects it to the broker; resolves once it is connected. */
export async function startPublisher(init: Omit<PublisherInit, 'type'>): Promise<Publisher> {
  const child: ChildProcess = fork(MAIN, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const next = <T extends FromPublisher['type']>(type: T) =>
    new Promise<Extract<FromPublisher, { type: T }>>((resolve, reject) => {
      const onMessage = (message: FromPublisher) => {
        if (message.type === 'error') reject(new Error(`publisher: ${message.message}`));
        else if (message.type === type) resolve(message as Extract<FromPublisher, { type: T }>);
        else return;
        cleanup();
      };
      const onExit = (code: number | null) => {
        cleanup();
        reject(new Error(`publisher exited (${code}) while waiting for ${type}`));
      };
      const cleanup = () => {
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.send({ type: 'exit' });
      const kill = setTimeout(() => child.kill('SIGKILL'), 3_000);
      await exited;
      clearTimeout(kill);
    }
  };
  try {
    const ready = next('ready');
    child.send({ type: 'init', ...init });
    await ready;
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    async run(schedule) {
      const done = next('done');
      child.send({ type: 'run', ...schedule });
      return done;
    },
    close,
  };
}
