/**
 * npm run bench: the console against the raw MQTT.js floor under the same load (issue 9).
 * Production builds, a real mosquitto on free loopback ports, a publisher process simulating N
 * gateways at 1 Hz, headless Chromium; floor and console runs interleave so drift on the machine
 * hits both. Prints a table and writes bench/results/latest.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { serveStatic, type StaticServer } from '../e2e/support/static-server.ts';
import { findChromium, findMosquitto } from '../scripts/system-deps.mjs';
import { buildApp, buildFloor, initialSize } from './lib/build.ts';
import { measure, type RunResult, type RunSpec } from './lib/measure.ts';
import { measureMd5, type Md5Result } from './lib/md5.ts';
import { describeLagBySecond, describeLagTrend } from './lib/lag-trend.ts';
import { parseOptions } from './lib/options.ts';
import { consolePage, floorPage, type BenchPage } from './lib/pages.ts';
import { baselineTable, budgetTable, judgeBudgets, runTable, type BenchResults } from './lib/report.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// Broker flow control would otherwise decide the result: mosquitto's defaults (20 QoS 1 messages
// in flight, 1000 queued per client) drop messages whenever a page pauses for one frame at
// 10,000 msg/s. Both pages get the same broker; what is measured is the page.
const BROKER_CONFIG = ['max_inflight_messages 0', 'max_queued_messages 0'];

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-extensions',
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--enable-precise-memory-info',
];

function versionOf(command: string, args: string[]): string {
  try {
    return (
      execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
        .trim()
        .split('\n')[0] ?? ''
    );
  } catch {
    return 'unknown';
  }
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const startedAt = new Date();
  const log = (line: string) => console.log(line);
  const work = mkdtempSync(join(tmpdir(), 'ota-bench-'));
  const servers: StaticServer[] = [];
  let browser: Browser | null = null;
  const cleanup = async () => {
    await browser?.close().catch(() => undefined);
    for (const server of servers) await server.close().catch(() => undefined);
    // Profiles name minified positions: keep the builds (with source maps) they refer to.
    if (options.profile || options.alloc || options.trace) log(`builds kept for the profiles' source maps: ${work}`);
    else rmSync(work, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void cleanup().finally(() => process.exit(130)));
  process.once('SIGTERM', () => void cleanup().finally(() => process.exit(143)));

  try {
    log('building the console and the floor (production)...');
    const appDir = join(work, 'app');
    const floorDir = join(work, 'floor');
    await buildApp(REPO, appDir);
    await buildFloor(join(REPO, 'bench', 'floor'), floorDir);
    const sizes = { console: initialSize(appDir), floor: initialSize(floorDir) };
    log(
      `initial JS gzip: console ${(sizes.console.jsGzipBytes / 1024).toFixed(1)} KB (${sizes.console.jsFiles.join(', ')}), floor ${(sizes.floor.jsGzipBytes / 1024).toFixed(1)} KB`,
    );

    const appServer = await serveStatic(appDir);
    servers.push(appServer);
    const floorServer = await serveStatic(floorDir);
    servers.push(floorServer);
    const pages: Record<BenchPage['kind'], BenchPage> = {
      floor: floorPage(floorServer.url),
      console: consolePage(appServer.url),
      baseline: consolePage(appServer.url, 'baseline'),
    };
    if (options.baseline !== null) {
      log(`building the baseline console from ${options.baseline}...`);
      const baselineDir = join(work, 'baseline');
      await buildApp(resolve(options.baseline), baselineDir);
      const baselineServer = await serveStatic(baselineDir);
      servers.push(baselineServer);
      pages.baseline = consolePage(baselineServer.url, 'baseline');
      log(`initial JS gzip: baseline ${(initialSize(baselineDir).jsGzipBytes / 1024).toFixed(1)} KB`);
    }
    const executablePath = findChromium() ?? '/usr/bin/chromium';
    browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });

    const base: Omit<RunSpec, 'gateways' | 'mode' | 'load'> = {
      upgradingShare: options.upgradingShare,
      probes: options.probes,
      warmupSeconds: options.warmupSeconds,
      windowSeconds: options.windowSeconds,
      drainSeconds: options.drainSeconds,
      catchUpTimeoutSeconds: options.catchUpTimeoutSeconds,
      finalSample: options.finalSample,
      brokerConfig: BROKER_CONFIG,
    };
    const plan: { kind: BenchPage['kind']; spec: RunSpec }[] = [];
    for (const load of options.loads) {
      for (const gateways of options.gateways) {
        for (let round = 0; round < options.rounds; round++) {
          for (const kind of options.pages) plan.push({ kind, spec: { ...base, gateways, mode: 'steady', load } });
        }
      }
    }
    // Every gateway at once: 3 rounds, each one all within 50 ms (skipped with --rounds 0, e.g. for a soak alone).
    for (const kind of options.rounds > 0 ? options.pages : []) {
      plan.push({
        kind,
        spec: { ...base, gateways: options.burstGateways, mode: 'burst', load: 'progress', warmupSeconds: 0, windowSeconds: 3 },
      });
    }

    // *.json under bench/results is git-ignored; Chrome DevTools opens these as CPU profiles.
    const profileDir = join(REPO, 'bench', 'results');
    const runs: RunResult[] = [];
    for (const [i, { kind, spec }] of plan.entries()) {
      log(`[${i + 1}/${plan.length}] ${kind}, ${spec.gateways} gateways, ${spec.load} load, ${spec.mode}`);
      const load = loadavg()[0]!;
      if (load > cpus().length) log(`  warning: load average ${load.toFixed(1)} on ${cpus().length} cores: other work skews this run`);
      const profilePath = options.profile
        ? join(profileDir, `profile-${i + 1}-${kind}-${spec.load}-${spec.gateways}-${spec.mode}.cpuprofile.json`)
        : undefined;
      const allocPath = options.alloc
        ? join(profileDir, `alloc-${i + 1}-${kind}-${spec.load}-${spec.gateways}-${spec.mode}.heapprofile.json`)
        : undefined;
      const tracePath = options.trace
        ? join(profileDir, `trace-${i + 1}-${kind}-${spec.load}-${spec.gateways}-${spec.mode}.json`)
        : undefined;
      const heapSnapshotPath = options.heapSnapshot
        ? join(profileDir, `heap-${i + 1}-${kind}-${spec.load}-${spec.gateways}-${spec.mode}.heapsnapshot`)
        : undefined;
      const result = await measure(browser, pages[kind], { ...spec, profilePath, tracePath, allocPath, heapSnapshotPath }, log);
      runs.push(result);
      log(
        `  delivered ${result.delivered ?? '-'}/${result.offered}, probe latency p95 ${result.latencyMs.p95 ?? '-'} ms, ${describeLagTrend(result.lagTrend)}, frame p95 ${result.frameMs.p95 ?? '-'} ms, long tasks ${result.longTasks.count}, busy ${Math.round((result.busyShare ?? 0) * 100)}%, renderer CPU ${result.rendererCpuShare === null ? '-' : `${Math.round(result.rendererCpuShare * 100)}%`}, load ${result.loadAverage.join('/')}`,
      );
      if (result.lagBySecondMs.length > 0) log(`  lag by second (largest, ms): ${describeLagBySecond(result.lagBySecondMs)}`);
      for (const wrong of result.finals.wrong) log(`  wrong final state: ${wrong}`);
    }

    let soak: RunResult | null = null;
    if (options.soakMinutes > 0 && options.pages.includes('console')) {
      // The last load listed (the mix by default): the traffic a console runs under all day.
      const load = options.loads.at(-1) ?? 'progress';
      log(`soak: console, ${options.burstGateways} gateways, ${load} load, for ${options.soakMinutes} min`);
      soak = await measure(
        browser,
        pages.console,
        { ...base, gateways: options.burstGateways, mode: 'steady', load, windowSeconds: options.soakMinutes * 60, heapEverySeconds: 60 },
        log,
      );
    }

    let md5: Md5Result | null = null;
    if (options.md5Megabytes > 0) {
      log(`MD5 of a ${options.md5Megabytes} MB file: console worker vs md5sum`);
      md5 = await measureMd5(browser, appServer.url, work, options.md5Megabytes).catch((error: unknown) => {
        log(`  could not measure: ${error instanceof Error ? error.message : String(error)}`);
        return null;
      });
      if (md5)
        log(
          `  md5sum ${md5.md5sumMBps.toFixed(0)} MB/s, console ${md5.consoleMBps?.toFixed(0) ?? '-'} MB/s (${md5.consoleWallMBps?.toFixed(0) ?? '-'} MB/s with setInputFiles), MD5 ${md5.md5Matches ? 'matches' : 'DIFFERS'}`,
        );
    }

    const budgets = judgeBudgets(runs, sizes.console, soak, md5);
    const results: BenchResults = {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      options,
      machine: {
        cpus: cpus().length,
        node: process.version,
        chromium: browser.version(),
        mosquitto: [versionOf(findMosquitto() ?? 'mosquitto', ['-h']), ...BROKER_CONFIG],
      },
      initialSize: sizes,
      runs,
      soak,
      md5,
      budgets,
    };
    const out = resolve(REPO, options.out);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);

    log('');
    log(runTable(soak ? [...runs, soak] : runs));
    log('');
    log(budgetTable(budgets));
    if (options.baseline !== null) {
      log('');
      log(baselineTable(runs));
    }
    log(`\nwritten ${out}`);
  } finally {
    await cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
