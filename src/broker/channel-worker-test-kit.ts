/**
 * A broker worker without a Worker: the host runs in this thread on one end of a MessageChannel,
 * the page side talks to the other end. Messages still cross by structured cloning, as they do
 * between a page and its worker, so what does not survive the crossing fails here too.
 */
import { serveBrokerSession, type HostDeps, type HostPort } from './session-worker-host.ts';
import type { SessionWorker } from './worker-session.ts';

export interface ChannelWorker extends SessionWorker {
  /** Raises the worker's 'error' event, as a crashed worker would. */
  crash(message: string): void;
  readonly terminated: boolean;
}

export function channelWorker(deps: HostDeps = {}): ChannelWorker {
  const { port1: page, port2: host } = new MessageChannel();
  const errorListeners: ((event: Event) => void)[] = [];
  let terminated = false;
  serveBrokerSession(host as unknown as HostPort, deps);
  host.start();
  page.start();
  function addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
  function addEventListener(type: 'error', listener: (event: Event) => void): void;
  function addEventListener(
    type: 'message' | 'error',
    listener: ((event: MessageEvent<unknown>) => void) | ((event: Event) => void),
  ): void {
    if (type === 'error') errorListeners.push(listener as (event: Event) => void);
    else page.addEventListener('message', listener as (event: MessageEvent<unknown>) => void);
  }
  return {
    postMessage: (message) => page.postMessage(message),
    addEventListener,
    terminate() {
      terminated = true;
      page.close();
      host.close();
    },
    crash(message) {
      const event = Object.assign(new Event('error'), { message });
      for (const listener of errorListeners) listener(event);
    },
    get terminated() {
      return terminated;
    },
  };
}
