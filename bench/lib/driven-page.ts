/**
 * A page the harness drives over a CDP session of its own, in a browser context Playwright does
 * not know. Why not a Playwright page: Playwright enables the Network domain on every page and
 * worker it attaches to, so Chromium reports every WebSocket frame to it (10,000 a second at
 * fleet scale, each base64 in JSON over the DevTools pipe, encoded on the thread that received
 * it). Measured on 27 Nov 2026 that instrumentation took about a third of a core on the 2-core
 * bench machine and put the console's probe latency p95 at 380-900 ms and its frame tasks over
 * 50 ms; without it the same build shows ~40 ms and none. Operators run no DevTools: the pages
 * are measured as they run for them. Playwright detaches from targets outside its own contexts,
 * so this page has exactly one client, this file, with no Network domain enabled.
 */
import type { Browser, CDPSession } from 'playwright-core';

export interface DrivenPage {
  /** One CDP command on the page's session. */
  send<T = unknown>(method: string, params?: Record<string, unknown>): Promise<T>;
  /** Runs a self-contained function in the page (like Playwright's evaluate) and returns its JSON-able result. */
  evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  /**
   * Polls a self-contained function every 100 ms until it returns something truthy, and returns
   * that (so one function both waits for a value and reads it); throws naming `what` on timeout.
   */
  waitFor<T, A = undefined>(what: string, probe: (arg: A) => T, timeoutMs: number, arg?: A): Promise<T>;
  /** Listens to a CDP event of the page's session (e.g. HeapProfiler.addHeapSnapshotChunk). */
  on(method: string, listener: (params: unknown) => void): void;
  /** The page's workers (the broker worker), each with a CDP session of its own: to profile them. */
  workers(): Promise<WorkerSession[]>;
  close(): Promise<void>;
}

export interface WorkerSession {
  url: string;
  send<T = unknown>(method: string, params?: Record<string, unknown>): Promise<T>;
}

export interface DrivenPageOptions {
  width: number;
  height: number;
  /** Runs before any script of every document (the bench instrument). */
  initScript: string;
  onPageError(message: string): void;
}

/** A command that does not answer within this is reported (a crashed or hung renderer). */
const COMMAND_TIMEOUT_MS = 120_000;

interface Reply {
  id?: number;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { message: string };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function openDrivenPage(browser: Browser, url: string, options: DrivenPageOptions): Promise<DrivenPage> {
  const browserSession: CDPSession = await browser.newBrowserCDPSession();
  const { browserContextId } = (await browserSession.send('Target.createBrowserContext', { disposeOnDetach: true })) as {
    browserContextId: string;
  };
  const { targetId } = (await browserSession.send('Target.createTarget', {
    url: 'about:blank',
    browserContextId,
    width: options.width,
    height: options.height,
  })) as {
    targetId: string;
  };
  // Not flattened: Playwright's CDPSession cannot address a child session, but it can relay to one.
  const { sessionId } = (await browserSession.send('Target.attachToTarget', { targetId, flatten: false })) as { sessionId: string };

  let nextId = 0;
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void; method: string }>();
  const listeners = new Map<string, ((params: unknown) => void)[]>();
  browserSession.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as Reply;
    if (reply.id !== undefined) {
      const call = waiting.get(reply.id);
      waiting.delete(reply.id);
      if (reply.error) call?.reject(new Error(`${call.method}: ${reply.error.message}`));
      else call?.resolve(reply.result);
      return;
    }
    if (reply.method) for (const listener of listeners.get(reply.method) ?? []) listener(reply.params);
  });
  const on = (method: string, listener: (params: unknown) => void) => listeners.set(method, [...(listeners.get(method) ?? []), listener]);

  function send<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = ++nextId;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new Error(`${method}: no answer from the page within ${COMMAND_TIMEOUT_MS / 1000} s`));
      }, COMMAND_TIMEOUT_MS);
      waiting.set(id, {
        method,
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value as T);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      browserSession
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
        .catch((error: unknown) => {
          waiting.get(id)?.reject(error instanceof Error ? error : new Error(String(error)));
          waiting.delete(id);
        });
    });
  }

  async function evaluate<T, A>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T> {
    const expression = `(${fn.toString()})(${arg === undefined ? '' : JSON.stringify(arg)})`;
    const reply = await send<{ result: { value?: unknown }; exceptionDetails?: { text: string; exception?: { description?: string } } }>(
      'Runtime.evaluate',
      {
        expression,
        awaitPromise: true,
        returnByValue: true,
      },
    );
    if (reply.exceptionDetails)
      throw new Error(`in the page: ${reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text}`);
    return reply.result.value as T;
  }

  on('Runtime.exceptionThrown', (params) => {
    const details = (params as { exceptionDetails?: { text?: string; exception?: { description?: string } } }).exceptionDetails;
    options.onPageError(details?.exception?.description ?? details?.text ?? 'unknown error');
  });
  const loaded = new Promise<void>((resolve) => on('Page.loadEventFired', () => resolve()));
  await send('Page.enable');
  await send('Runtime.enable');
  await send('Page.addScriptToEvaluateOnNewDocument', { source: options.initScript });
  await send('Page.navigate', { url });
  await loaded;

  // Workers are attached only when asked (workers()), and then with no domain but what the caller sends.
  const workerSessions = new Map<string, { url: string; waiting: Map<number, (reply: Reply) => void> }>();
  on('Target.attachedToTarget', (params) => {
    const { sessionId: child, targetInfo } = params as { sessionId: string; targetInfo: { type: string; url: string } };
    if (targetInfo.type === 'worker') workerSessions.set(child, { url: targetInfo.url, waiting: new Map() });
  });
  on('Target.receivedMessageFromTarget', (params) => {
    const { sessionId: child, message } = params as { sessionId: string; message: string };
    const reply = JSON.parse(message) as Reply;
    if (reply.id === undefined) return;
    const waiting = workerSessions.get(child)?.waiting;
    waiting?.get(reply.id)?.(reply);
    waiting?.delete(reply.id);
  });
  async function workers(): Promise<WorkerSession[]> {
    await send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
    return [...workerSessions].map(([child, worker]) => ({
      url: worker.url,
      send: <T>(method: string, params: Record<string, unknown> = {}) =>
        new Promise<T>((resolve, reject) => {
          const id = ++nextId;
          worker.waiting.set(id, (reply) =>
            reply.error ? reject(new Error(`${method}: ${reply.error.message}`)) : resolve(reply.result as T),
          );
          send('Target.sendMessageToTarget', { sessionId: child, message: JSON.stringify({ id, method, params }) }).catch(reject);
        }),
    }));
  }

  return {
    send,
    evaluate,
    on,
    workers,
    async waitFor(what, probe, timeoutMs, arg) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = await evaluate(probe, arg);
        if (value) return value;
        if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
        await sleep(100);
      }
    },
    async close() {
      for (const call of waiting.values()) call.reject(new Error(`${call.method}: the page was closed`));
      waiting.clear();
      await browserSession.send('Target.closeTarget', { targetId }).catch(() => undefined);
      await browserSession.send('Target.disposeBrowserContext', { browserContextId }).catch(() => undefined);
      await browserSession.detach().catch(() => undefined);
    },
  };
}
