/**
 * What Chromium itself spends on each WebSocket message, with no application behind it: a local
 * server sends N binary messages as fast as the socket takes them; a page (in a worker, as the
 * console reads the broker, and on the page's own thread, as the floor does) only counts them. It
 * prints the messages a second the browser delivered and the CPU each process type spent per
 * message, so a fleet's message rate can be set against what this machine's browser can take at
 * all. The page is driven without any DevTools domain that reports network frames (driven-page.ts).
 *   npx tsx bench/ws-ceiling.ts [--messages 100000] [--bytes 300] [--rounds 3]
 */
import { createServer, type Server } from 'node:http';
import { cpus } from 'node:os';
import { chromium, type Browser } from 'playwright-core';
import { WebSocketServer } from 'ws';
import { openDrivenPage } from './lib/driven-page.ts';
import { cpuSecondsByProcessType } from './lib/process-cpu.ts';
import { percentile } from './lib/stats.ts';
import { findChromium } from '../scripts/system-deps.mjs';

interface CeilingOptions {
  messages: number;
  bytes: number;
  rounds: number;
}

function parseArgs(argv: readonly string[]): CeilingOptions {
  const options: CeilingOptions = { messages: 100_000, bytes: 300, rounds: 3 };
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i];
    const value = Number(argv[i + 1]);
    if (!Number.isInteger(value) || value <= 0)
      throw new Error(`${String(flag)} needs a positive whole number, got ${String(argv[i + 1])}`);
    if (flag === '--messages') options.messages = value;
    else if (flag === '--bytes') options.bytes = value;
    else if (flag === '--rounds') options.rounds = value;
    else throw new Error(`unknown option ${String(flag)} (--messages, --bytes, --rounds)`);
  }
  if (options.messages < 1_000) throw new Error('--messages: at least 1000, or the rate says little');
  return options;
}

/** Counts messages and times the first to the last; runs as the worker's script or on the page. */
const COUNTER = `
function count(url, total, done) {
  const ws = new WebSocket(url);
  ws.binaryType = 'arraybuffer';
  let n = 0;
  let first = 0;
  ws.onmessage = (event) => {
    if (n === 0) first = performance.now();
    n += 1;
    if (event.data.byteLength === 0) done({ error: 'an empty message' });
    if (n === total) {
      done({ ms: performance.now() - first, n });
      ws.close();
    }
  };
  ws.onerror = () => done({ error: 'the WebSocket failed' });
}`;

const PAGE = `<!doctype html><meta charset="utf-8"><title>WebSocket ceiling</title><script>
${COUNTER}
const params = new URLSearchParams(location.search);
const url = 'ws://' + location.host + '/ws';
const total = Number(params.get('n'));
const report = (result) => { window.__ceiling = result; };
if (params.get('mode') === 'page') count(url, total, report);
else {
  const source = ${JSON.stringify(COUNTER)} + 'onmessage = (e) => count(e.data.url, e.data.total, (r) => postMessage(r));';
  const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
  worker.onmessage = (e) => report(e.data);
  worker.postMessage({ url, total });
}
</script>`;

interface Served {
  url: string;
  close(): Promise<void>;
}

/** Serves the page and, on each WebSocket connection, sends `messages` messages of `bytes` bytes. */
function serve(options: CeilingOptions): Promise<Served> {
  const server: Server = createServer((_request, response) => {
    response.setHeader('content-type', 'text/html');
    response.end(PAGE);
  });
  const sockets = new WebSocketServer({ server, path: '/ws' });
  const payload = Buffer.alloc(options.bytes, 0x41);
  sockets.on('connection', (socket) => {
    let sent = 0;
    // In runs of 10,000 with a timer turn between them, so the server's own buffer stays bounded.
    const pump = () => {
      const until = Math.min(options.messages, sent + 10_000);
      for (; sent < until; sent++) socket.send(payload);
      if (sent < options.messages) setTimeout(pump, 1);
    };
    pump();
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      resolve({
        url: `http://127.0.0.1:${String(port)}`,
        close: () =>
          new Promise((done) => {
            sockets.close();
            server.close(() => done());
          }),
      });
    });
  });
}

interface RoundResult {
  mode: 'worker' | 'page';
  perSecond: number;
  /** CPU microseconds per message, by Chromium process type (renderer, utility: the network service, browser, gpu). */
  usPerMessage: Map<string, number>;
}

async function round(browser: Browser, served: Served, mode: RoundResult['mode'], options: CeilingOptions): Promise<RoundResult> {
  const before = await cpuSecondsByProcessType(browser);
  if (before === null) throw new Error("the browser does not report its processes' CPU time (SystemInfo.getProcessInfo)");
  const page = await openDrivenPage(browser, `${served.url}/?mode=${mode}&n=${String(options.messages)}`, {
    width: 800,
    height: 600,
    initScript: '',
    onPageError: (message) => console.error(`  page error: ${message}`),
  });
  try {
    const result = await page.waitFor(
      `${String(options.messages)} messages`,
      () => (window as unknown as { __ceiling?: { ms?: number; n?: number; error?: string } }).__ceiling ?? null,
      300_000,
    );
    if (result === null || result.error !== undefined || result.ms === undefined || result.n === undefined)
      throw new Error(`the page says: ${result?.error ?? 'no result'}`);
    const after = await cpuSecondsByProcessType(browser);
    if (after === null) throw new Error("the browser stopped reporting its processes' CPU time");
    const usPerMessage = new Map<string, number>();
    for (const [type, seconds] of after) usPerMessage.set(type, ((seconds - (before.get(type) ?? 0)) * 1e6) / result.n);
    return { mode, perSecond: ((result.n - 1) * 1000) / result.ms, usPerMessage };
  } finally {
    await page.close();
  }
}

const median = (values: readonly number[]): number => percentile(values, 50) ?? 0;

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const served = await serve(options);
  const browser = await chromium.launch({
    executablePath: findChromium() ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    console.log(
      `Chromium ${browser.version()}, ${String(cpus().length)} cores: ${String(options.messages)} messages of ${String(options.bytes)} bytes from a local server, ${String(options.rounds)} round(s) each`,
    );
    const results: RoundResult[] = [];
    for (let i = 0; i < options.rounds; i++) {
      for (const mode of ['worker', 'page'] as const) {
        const result = await round(browser, served, mode, options);
        results.push(result);
        const cpu = [...result.usPerMessage].map(([type, us]) => `${type} ${us.toFixed(1)}`).join(', ');
        console.log(
          `  round ${String(i + 1)}, ${mode}: ${Math.round(result.perSecond).toLocaleString('en')} messages/s; CPU µs a message: ${cpu}`,
        );
      }
    }
    console.log('\nmedian of rounds       messages/s   CPU µs a message (all processes)   cores at 10,000 messages/s');
    for (const mode of ['worker', 'page'] as const) {
      const of = results.filter((r) => r.mode === mode);
      const total = median(of.map((r) => [...r.usPerMessage.values()].reduce((a, b) => a + b, 0)));
      console.log(
        `${`counted in the ${mode}`.padEnd(22)} ${Math.round(median(of.map((r) => r.perSecond)))
          .toLocaleString('en')
          .padStart(10)}   ${total.toFixed(1).padStart(32)}   ${((total * 10_000) / 1e6).toFixed(2).padStart(26)}`,
      );
    }
  } finally {
    await browser.close();
    await served.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
