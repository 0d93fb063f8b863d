import { createWriteStream, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { Browser } from 'playwright-core';
import { openDrivenPage, type DrivenPage, type WorkerSession } from './driven-page.ts';
import { startMosquitto } from '../../e2e/support/mosquitto.ts';
import { gatewaySns, isProbe, PROBE_PREFIX, roundsPerPercentFor, upgradingCount, type Load } from '../publisher/plan.ts';
import type { ProbePublish, RunReport } from '../publisher/protocol.ts';
import type { LongFrame } from '../page/instrument.ts';
import type { BenchPage } from './pages.ts';
import { startPublisher } from './publisher-process.ts';
import { lagBySecond, lagTrend, type LagSample, type LagTrend } from './lag-trend.ts';
import { percentile, round } from './stats.ts';
import { cpuSecondsByProcessType } from './process-cpu.ts';

export type RunMode = 'steady' | 'burst';

export interface RunSpec {
  /** Docks in the fleet; with the progress load every one sends ota_progress. */
  gateways: number;
  load: Load;
  /** Mix load: the share of docks that are upgrading (send ota_progress), 0..1. */
  upgradingShare: number;
  probes: number;
  mode: RunMode;
  /** steady: seconds of traffic before the window opens; burst: 0. */
  warmupSeconds: number;
  windowSeconds: number;
  /** After every probe shows its final value: a moment for the rest of the last round. */
  drainSeconds: number;
  /** How long the page may take to show the probes' final values after the publisher stops. */
  catchUpTimeoutSeconds: number;
  /** Write a CPU profile of the window here (Chrome DevTools .cpuprofile). */
  profilePath?: string;
  /** Write a sampling heap profile of the window's allocations here, collected ones included (.heapprofile). */
  allocPath?: string;
  /** Write a heap snapshot taken after the run's heap figure here (.heapsnapshot; bench/heap-summary.ts reads it). */
  heapSnapshotPath?: string;
  /** Write a Chrome trace of the window here (every task of the page, with what ran inside it). */
  tracePath?: string;
  /** Non-probe gateways whose final percent is checked on the console's screen. */
  finalSample: number;
  /** Broker tuning lines (mosquitto.conf). */
  brokerConfig: readonly string[];
  /** Heap after GC every this many seconds during the window (soak); 0: only at the end. */
  heapEverySeconds?: number;
}

export interface RunResult {
  page: BenchPage['kind'];
  mode: RunMode;
  load: Load;
  /** Docks in the fleet. */
  gateways: number;
  /** Of them, the ones sending ota_progress. */
  upgrading: number;
  /** ota_progress published. */
  offered: number;
  /** osd and state published (mix). */
  osdOffered: number;
  stateOffered: number;
  acked: number;
  delivered: number | null;
  probeUpdates: { published: number; seen: number; missing: number };
  latencyMs: { p50: number | null; p95: number | null; p99: number | null; max: number | null; samples: number };
  /** The probe lag at the start and end of the window and its slope: a steady delay, or a backlog growing. */
  lagTrend: LagTrend | null;
  /** The largest probe lag in each second of the window (lag-trend.ts), null for a second with none. */
  lagBySecondMs: (number | null)[];
  finals: { checked: number; correct: number; wrong: string[] };
  frameMs: { p50: number | null; p95: number | null; max: number | null; frames: number };
  longTasks: { count: number; totalMs: number; maxMs: number };
  busyShare: number | null;
  /** CPU time of the renderer processes (main thread, workers, compositor) / wall time; 1 = one core. */
  rendererCpuShare: number | null;
  heapAfterGcMB: number | null;
  heapSeriesMB: number[];
  publisherLagMs: { p99: number; max: number };
  /** From the publisher's last message until every probe showed its final value; null: not within the timeout. */
  catchUpMs: number | null;
  /** 1-minute load average of the machine when the run started and ended (others' work skews results). */
  loadAverage: [number, number];
  windowSeconds: number;
}

interface PageSnapshot {
  probes: { sn: string; value: number; at: number }[];
  frames: number[];
  longTasks: { start: number; duration: number }[];
  longFrames: LongFrame[];
  windowStart: number | null;
  windowEnd: number | null;
  last: Record<string, number>;
}

const BURST_TAIL_SECONDS = 3;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function taskSeconds(page: DrivenPage): Promise<number> {
  const { metrics } = (await page.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? Number.NaN;
}

/** CPU seconds used so far by the browser's renderer processes (only the measured page's is open). */
async function rendererCpuSeconds(browser: Browser): Promise<number | null> {
  const byType = await cpuSecondsByProcessType(browser);
  return byType === null ? null : (byType.get('renderer') ?? 0);
}

async function heapAfterGc(page: DrivenPage): Promise<number> {
  await page.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await page.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize / (1024 * 1024);
}

/** A heap snapshot streamed to a file in the chunks the page sends it in. */
async function writeHeapSnapshot(page: DrivenPage, path: string, log: (line: string) => void): Promise<void> {
  const out = createWriteStream(path);
  let writing = true;
  page.on('HeapProfiler.addHeapSnapshotChunk', (params) => {
    if (writing) out.write((params as { chunk: string }).chunk);
  });
  await page.send('HeapProfiler.enable');
  await page.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  writing = false;
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  log(`  heap snapshot: ${path} (npx tsx bench/heap-summary.ts FILE)`);
}

function snapshot(page: DrivenPage): Promise<PageSnapshot> {
  return page.evaluate(() => {
    const s = (window as unknown as { __benchInstrument: Omit<PageSnapshot, 'last'> & { last(): Record<string, number> } })
      .__benchInstrument;
    return {
      probes: s.probes,
      frames: s.frames,
      longTasks: s.longTasks,
      longFrames: s.longFrames,
      windowStart: s.windowStart,
      windowEnd: s.windowEnd,
      last: s.last(),
    };
  });
}

/**
 * Each published change of a probe's percent is matched with the first time the screen showed that
 * value after it; a change never seen on screen counts as missing (overwritten before a frame
 * showed it, or lost).
 */
/**
 * Enough to see each task of the renderer and what ran in it (script, GC, style, layout, paint),
 * and with `toplevel` every task of every thread, the workers' and the network service's included.
 */
const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink.user_timing'];

function probeLatency(published: readonly ProbePublish[], seen: PageSnapshot['probes'], from: number, to: number) {
  // A publish repeating its probe's previous percent cannot change the screen (a long soak advances
  // the percent only every few rounds): only the publishes that change it are matched and counted.
  const previous = new Map<string, number>();
  const changes = published.filter((p) => {
    const changed = previous.get(p.sn) !== p.percent;
    previous.set(p.sn, p.percent);
    return changed;
  });
  const inWindow = changes.filter((p) => p.at >= from && p.at <= to);
  const samples: LagSample[] = [];
  for (const pub of inWindow) {
    const next = changes.find((p) => p.sn === pub.sn && p.at > pub.at)?.at ?? Number.POSITIVE_INFINITY;
    const shown = seen.find((s) => s.sn === pub.sn && s.value === pub.percent && s.at >= pub.at - 1 && s.at < next + 60_000);
    if (shown) samples.push({ at: pub.at, lagMs: Math.max(0, shown.at - pub.at) });
  }
  const latencies = samples.map((s) => s.lagMs);
  return {
    published: inWindow.length,
    seen: samples.length,
    latencies,
    trend: lagTrend(samples, from, to),
    bySecond: lagBySecond(samples, from, to),
  };
}

function pickSample(gateways: number, count: number): string[] {
  const regular = gatewaySns({ gateways, probes: Math.min(10, gateways) }).filter((sn) => !isProbe(sn));
  const picked: string[] = [];
  for (let i = 0; i < Math.min(count, regular.length); i++) picked.push(regular[Math.floor(((i + 0.5) * regular.length) / count)]!);
  return picked;
}

/** Waits until every probe shows its last published percent; false on timeout. */
async function waitForProbes(page: DrivenPage, finals: RunReport['finals'], timeoutMs: number): Promise<boolean> {
  const want = Object.entries(finals).filter(([sn]) => isProbe(sn));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const last = await page.evaluate(() =>
      (window as unknown as { __benchInstrument: { last(): Record<string, number> } }).__benchInstrument.last(),
    );
    if (want.every(([sn, f]) => last[sn] === f.percent)) return true;
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
}

/** When the last probe showed its final value, in ms after the publisher's last message. */
function catchUp(finals: RunReport['finals'], seen: PageSnapshot['probes'], endedAt: number): number | null {
  let latest = endedAt;
  for (const [sn, f] of Object.entries(finals)) {
    if (!isProbe(sn)) continue;
    const shown = seen.findLast((s) => s.sn === sn && s.value === f.percent);
    if (!shown) return null;
    latest = Math.max(latest, shown.at);
  }
  return Math.round(latest - endedAt);
}

/** One page under one load: a fresh broker, publisher and browser context, so runs do not leak into each other. */
export async function measure(browser: Browser, target: BenchPage, spec: RunSpec, log: (line: string) => void): Promise<RunResult> {
  const loadAtStart = loadavg()[0]!;
  const broker = await startMosquitto({ extraConfig: spec.brokerConfig });
  const cleanups: (() => Promise<unknown>)[] = [() => broker.kill()];
  try {
    const progressGateways = spec.load === 'mix' ? upgradingCount(spec.gateways, spec.upgradingShare, spec.probes) : spec.gateways;
    const publisher = await startPublisher({
      url: broker.tcpUrl,
      gateways: progressGateways,
      docks: spec.gateways,
      load: spec.load,
      probes: spec.probes,
      qos: 1,
    });
    cleanups.unshift(() => publisher.close());
    const { instrumentScript } = await import('./instrument-script.ts');
    // Driven over its own CDP session, not as a Playwright page: see driven-page.ts.
    const page = await openDrivenPage(browser, target.url(broker.wsUrl), {
      width: 1280,
      height: 1000,
      initScript: instrumentScript(PROBE_PREFIX),
      onPageError: (message) => log(`  page error: ${message}`),
    });
    cleanups.unshift(() => page.close());
    await page.send('Performance.enable');
    await target.ready(page);

    const rounds = spec.mode === 'burst' ? spec.windowSeconds : spec.warmupSeconds + spec.windowSeconds;
    const sample = pickSample(progressGateways, spec.finalSample);
    const schedule = { spreadMs: spec.mode === 'burst' ? 50 : 1000, rounds, roundsPerPercent: roundsPerPercentFor(rounds), sample };
    let profiledWorkers: WorkerSession[] = [];
    const openWindow = async () => {
      await page.evaluate(() => (window as unknown as { __benchInstrument: { start(): void } }).__benchInstrument.start());
      if (spec.profilePath) {
        await page.send('Profiler.enable');
        await page.send('Profiler.start');
        profiledWorkers = await page.workers();
        for (const worker of profiledWorkers) {
          await worker.send('Profiler.enable');
          await worker.send('Profiler.start');
        }
      }
      // The whole browser: the driven page is not one Playwright can name (long-tasks.ts finds its thread).
      if (spec.tracePath) await browser.startTracing(undefined, { path: spec.tracePath, categories: TRACE_CATEGORIES });
      if (spec.allocPath) {
        await page.send('HeapProfiler.enable');
        // Garbage included: what GC has to chase is what was allocated, not what is still live.
        await page.send('HeapProfiler.startSampling', {
          samplingInterval: 32_768,
          includeObjectsCollectedByMajorGC: true,
          includeObjectsCollectedByMinorGC: true,
        });
      }
      return { from: Date.now(), busy: await taskSeconds(page), cpu: await rendererCpuSeconds(browser) };
    };
    // A burst is measured from its first message; steady traffic after the warm-up (task creation).
    const burstWindow = spec.mode === 'burst' ? await openWindow() : null;
    const running = publisher.run(schedule);
    running.catch(() => undefined);
    await sleep(spec.warmupSeconds * 1000);
    const opened = burstWindow ?? (await openWindow());
    const heapSeriesMB: number[] = [];
    // A burst's window also covers the page working through it after the last round.
    const windowMs = (spec.mode === 'burst' ? spec.windowSeconds + BURST_TAIL_SECONDS : spec.windowSeconds) * 1000;
    const heapEvery = (spec.heapEverySeconds ?? 0) * 1000;
    for (let elapsed = 0; elapsed < windowMs;) {
      const step = heapEvery > 0 ? Math.min(heapEvery, windowMs - elapsed) : windowMs - elapsed;
      await sleep(step);
      elapsed += step;
      if (heapEvery > 0) {
        heapSeriesMB.push(await heapAfterGc(page));
        log(`  heap after GC at ${Math.round(elapsed / 1000)} s: ${heapSeriesMB.at(-1)!.toFixed(2)} MB`);
      }
    }
    const busyTo = await taskSeconds(page);
    const cpuTo = await rendererCpuSeconds(browser);
    const windowTo = Date.now();
    await page.evaluate(() => (window as unknown as { __benchInstrument: { stop(): void } }).__benchInstrument.stop());
    if (spec.tracePath) {
      await browser.stopTracing();
      log(`  trace of the window: ${spec.tracePath}`);
    }
    if (spec.allocPath) {
      const { profile } = (await page.send('HeapProfiler.stopSampling')) as { profile: unknown };
      writeFileSync(spec.allocPath, JSON.stringify(profile));
      log(`  allocation profile of the window: ${spec.allocPath}`);
    }
    if (spec.profilePath) {
      const { profile } = (await page.send('Profiler.stop')) as { profile: unknown };
      writeFileSync(spec.profilePath, JSON.stringify(profile));
      log(`  CPU profile of the window: ${spec.profilePath}`);
      for (const [i, worker] of profiledWorkers.entries()) {
        const path = spec.profilePath.replace(/\.cpuprofile\.json$/, `-worker${i}.cpuprofile.json`);
        const { profile: workerProfile } = (await worker.send('Profiler.stop')) as { profile: unknown };
        writeFileSync(path, JSON.stringify(workerProfile));
        log(`  CPU profile of its worker ${worker.url.split('/').pop() ?? ''}: ${path}`);
      }
    }
    const windowFrom = opened.from;
    const busyFrom = opened.busy;

    const done = await running;
    const caughtUp = await waitForProbes(page, done.finals, spec.catchUpTimeoutSeconds * 1000);
    // Probes are spread over the round; the rest of the last round lands within a moment of them.
    await sleep(spec.drainSeconds * 1000);
    const snap = await snapshot(page);
    const catchUpMs = caughtUp ? catchUp(done.finals, snap.probes, done.endedAt) : null;
    const windowDur = snap.windowEnd !== null && snap.windowStart !== null ? snap.windowEnd - snap.windowStart : windowTo - windowFrom;
    const longTasks = snap.longTasks.filter(
      (t) => snap.windowStart !== null && t.start >= snap.windowStart && t.start <= (snap.windowEnd ?? Infinity),
    );
    // What ran in each: the long animation frame it fell in, if any (a task outside a frame has none).
    for (const task of longTasks) {
      const frame = snap.longFrames.find((f) => f.start <= task.start + 1 && f.start + f.duration >= task.start + task.duration - 1);
      const at = ((task.start - (snap.windowStart ?? 0)) / 1000).toFixed(1);
      const ran =
        frame?.scripts.map((x) => `${x.invoker} ${x.source} ${x.duration} ms`).join('; ') ||
        'no script attributed (style, layout, GC or the thread waiting for a core)';
      log(`  long task ${Math.round(task.duration)} ms at ${at} s: ${ran}`);
    }

    const probe = probeLatency(done.probePublishes, snap.probes, windowFrom, windowTo);
    const wrong: string[] = [];
    let checked = 0;
    for (const [sn, want] of Object.entries(done.finals)) {
      if (!isProbe(sn)) continue;
      checked += 1;
      if (snap.last[sn] !== want.percent) wrong.push(`${sn}: shows ${snap.last[sn] ?? 'nothing'}, last sent ${want.percent}`);
    }
    const shown = await target.shownPercents(page, sample);
    for (const [sn, value] of Object.entries(shown)) {
      checked += 1;
      const want = done.finals[sn]?.percent;
      if (value !== want) wrong.push(`${sn}: shows ${value ?? 'nothing'}, last sent ${want ?? '?'}`);
    }
    const heap = await heapAfterGc(page);
    if (spec.heapSnapshotPath) await writeHeapSnapshot(page, spec.heapSnapshotPath, log);
    const delivered = await target.delivered(page).catch((error: unknown) => {
      log(`  could not read delivered count: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    });

    const wallSeconds = (windowTo - windowFrom) / 1000;
    return {
      page: target.kind,
      mode: spec.mode,
      load: spec.load,
      gateways: spec.gateways,
      upgrading: progressGateways,
      offered: done.offered,
      osdOffered: done.osdOffered,
      stateOffered: done.stateOffered,
      acked: done.acked,
      delivered,
      probeUpdates: { published: probe.published, seen: probe.seen, missing: probe.published - probe.seen },
      latencyMs: {
        p50: round(percentile(probe.latencies, 50)),
        p95: round(percentile(probe.latencies, 95)),
        p99: round(percentile(probe.latencies, 99)),
        max: round(percentile(probe.latencies, 100)),
        samples: probe.latencies.length,
      },
      lagTrend: probe.trend,
      lagBySecondMs: probe.bySecond.map((ms) => round(ms, 0)),
      finals: { checked, correct: checked - wrong.length, wrong: wrong.slice(0, 10) },
      frameMs: {
        p50: round(percentile(snap.frames, 50)),
        p95: round(percentile(snap.frames, 95)),
        max: round(percentile(snap.frames, 100)),
        frames: snap.frames.length,
      },
      longTasks: {
        count: longTasks.length,
        totalMs: round(longTasks.reduce((s, t) => s + t.duration, 0)) ?? 0,
        maxMs: round(Math.max(0, ...longTasks.map((t) => t.duration))) ?? 0,
      },
      busyShare: round((busyTo - busyFrom) / wallSeconds, 3),
      rendererCpuShare: cpuTo === null || opened.cpu === null ? null : round((cpuTo - opened.cpu) / wallSeconds, 3),
      heapAfterGcMB: round(heap, 2),
      heapSeriesMB: heapSeriesMB.map((h) => round(h, 2) ?? 0),
      publisherLagMs: { p99: done.lagP99Ms, max: done.lagMaxMs },
      catchUpMs,
      loadAverage: [round(loadAtStart, 2) ?? 0, round(loadavg()[0]!, 2) ?? 0],
      windowSeconds: round(windowDur / 1000, 2) ?? 0,
    };
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  }
}
