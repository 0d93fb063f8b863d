import type { InitialSize } from './build.ts';
import type { Md5Result } from './md5.ts';
import type { RunResult } from './measure.ts';
import { mean } from './stats.ts';

export interface BudgetLine {
  budget: string;
  limit: string;
  measured: string;
  pass: boolean | null;
}

export interface BenchResults {
  startedAt: string;
  finishedAt: string;
  options: unknown;
  machine: { cpus: number; node: string; chromium: string; mosquitto: string[] };
  initialSize: { console: InitialSize; floor: InitialSize };
  runs: RunResult[];
  soak: RunResult | null;
  md5: Md5Result | null;
  budgets: BudgetLine[];
}

const dash = (v: number | null | undefined, unit = '') => (v === null || v === undefined ? '-' : `${v}${unit}`);

export function runTable(runs: readonly RunResult[]): string {
  const header = [
    'page',
    'load',
    'docks',
    'upgrading',
    'mode',
    'osd+state',
    'offered',
    'delivered',
    'probe seen',
    'finals ok',
    'lat p50/p95/p99 ms',
    'frame p50/p95 ms',
    'long tasks (max ms)',
    'busy',
    'renderer CPU',
    'heap MB',
    'catch-up',
    'pub lag p99',
    'load',
  ];
  const rows = runs.map((r) => [
    r.page,
    r.load,
    String(r.gateways),
    String(r.upgrading),
    r.mode,
    `${r.osdOffered}+${r.stateOffered}`,
    String(r.offered),
    dash(r.delivered),
    `${r.probeUpdates.seen}/${r.probeUpdates.published}`,
    `${r.finals.correct}/${r.finals.checked}`,
    `${dash(r.latencyMs.p50)}/${dash(r.latencyMs.p95)}/${dash(r.latencyMs.p99)}`,
    `${dash(r.frameMs.p50)}/${dash(r.frameMs.p95)}`,
    `${r.longTasks.count} (${r.longTasks.maxMs})`,
    r.busyShare === null ? '-' : `${Math.round(r.busyShare * 100)}%`,
    r.rendererCpuShare === null ? '-' : `${Math.round(r.rendererCpuShare * 100)}%`,
    dash(r.heapAfterGcMB),
    r.catchUpMs === null ? 'timeout' : `${r.catchUpMs} ms`,
    `${r.publisherLagMs.p99} ms`,
    r.loadAverage.join('/'),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Growth from the first to the last sample along the least-squares line through all of them. */
export function trendOver(series: readonly number[]): number {
  const n = series.length;
  if (n < 2) return 0;
  const meanX = (n - 1) / 2;
  const meanY = series.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  series.forEach((y, x) => {
    num += (x - meanX) * (y - meanY);
    den += (x - meanX) ** 2;
  });
  return (num / den) * (n - 1);
}

/** The fleet the budgets are set at. */
export const BUDGET_FLEET = 10_000;
/** The fleet at which 1 Hz progress must still lose nothing. */
export const LARGE_FLEET = 20_000;

const meanOf = (runs: readonly RunResult[], pick: (r: RunResult) => number | null) =>
  mean(runs.map((r) => pick(r) ?? Number.POSITIVE_INFINITY));

/** Probe updates missing, final states wrong and ota_progress not delivered, over some console runs. */
function losses(runs: readonly RunResult[]): { lost: number; undelivered: number } {
  return {
    lost: runs.reduce((n, r) => n + r.probeUpdates.missing + (r.finals.checked - r.finals.correct), 0),
    undelivered: runs.reduce((n, r) => n + (r.delivered === null ? 0 : Math.max(0, r.offered - r.delivered)), 0),
  };
}

/** Issue 20's per-load budgets: the console against the floor of the same run, at the budget fleet. */
function loadBudgets(load: RunResult['load'], steady: readonly RunResult[]): BudgetLine[] {
  const ofLoad = steady.filter((r) => r.load === load);
  const sizes = ofLoad.map((r) => r.gateways);
  if (sizes.length === 0) return [];
  const top = sizes.includes(BUDGET_FLEET) ? BUDGET_FLEET : Math.max(...sizes.filter((g) => g < LARGE_FLEET), Math.min(...sizes));
  const consoleRuns = ofLoad.filter((r) => r.page === 'console' && r.gateways === top);
  const floorRuns = ofLoad.filter((r) => r.page === 'floor' && r.gateways === top);
  if (consoleRuns.length === 0) return [];
  const where = `${load}, ${top} docks`;
  const lines: BudgetLine[] = [];
  const { lost, undelivered } = losses(consoleRuns);
  lines.push({
    budget: `every event applied (${where})`,
    limit: 'all probes and final states correct',
    measured: `${lost} probe updates missing or final states wrong; ${undelivered} ota_progress not delivered`,
    pass: lost === 0 && undelivered === 0,
  });
  const ratioLine = (budget: string, limitRatio: number, pick: (r: RunResult) => number | null, unit: string, scale = 1) => {
    const c = meanOf(consoleRuns, pick);
    const f = meanOf(floorRuns, pick);
    if (c === null || f === null || !Number.isFinite(c) || !Number.isFinite(f)) return;
    lines.push({
      budget: `${budget} (${where})`,
      limit: `<= ${limitRatio}x the floor's`,
      measured: `${(c * scale).toFixed(1)}${unit} vs ${(f * scale).toFixed(1)}${unit} (mean of rounds) = ${(c / f).toFixed(2)}x`,
      pass: c / f <= limitRatio,
    });
  };
  ratioLine('frame p95', 1.2, (r) => r.frameMs.p95, ' ms');
  const consoleP95 = meanOf(consoleRuns, (r) => r.latencyMs.p95);
  const floorP95 = meanOf(floorRuns, (r) => r.latencyMs.p95);
  if (consoleP95 !== null && floorP95 !== null && Number.isFinite(floorP95)) {
    const limit = Math.max(1.5 * floorP95, floorP95 + 100);
    lines.push({
      budget: `probe latency p95 (${where})`,
      limit: "<= max(1.5x, +100 ms) the floor's",
      measured: `${consoleP95.toFixed(0)} ms vs ${floorP95.toFixed(0)} ms (mean of rounds): limit ${limit.toFixed(0)} ms`,
      pass: consoleP95 <= limit,
    });
  }
  const longest = Math.max(0, ...consoleRuns.map((r) => r.longTasks.maxMs));
  // At most 2 per 20 s: the worst run, scaled to its window.
  const perWindow = Math.max(...consoleRuns.map((r) => (r.longTasks.count * 20) / Math.max(1, r.windowSeconds)));
  lines.push({
    budget: `long tasks (${where})`,
    limit: 'none over 100 ms, <= 2 per 20 s',
    measured: `${consoleRuns.map((r) => r.longTasks.count).join(', ')} in ${consoleRuns.map((r) => Math.round(r.windowSeconds)).join(', ')} s (longest ${longest} ms)`,
    pass: longest <= 100 && perWindow <= 2,
  });
  ratioLine('renderer CPU', 1.2, (r) => r.rendererCpuShare, '%', 100);
  return lines;
}

/** The budgets of issue 20, judged per load at the budget fleet (and the soak, when one ran). */
export function judgeBudgets(runs: readonly RunResult[], size: InitialSize, soak: RunResult | null, md5: Md5Result | null): BudgetLine[] {
  const steady = runs.filter((r) => r.mode === 'steady');
  const lines: BudgetLine[] = [];
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  lines.push({ budget: 'initial JS (gzip)', limit: '<= 200 KB', measured: kb(size.jsGzipBytes), pass: size.jsGzipBytes <= 200 * 1024 });
  if (md5 && md5.ratio !== null) {
    lines.push({
      budget: `MD5 of ${Math.round(md5.fileBytes / (1024 * 1024))} MB in the worker`,
      limit: ">= 50% of md5sum's throughput",
      measured: `${md5.consoleMBps?.toFixed(0)} MB/s vs md5sum ${md5.md5sumMBps.toFixed(0)} MB/s = ${(md5.ratio * 100).toFixed(0)}%${md5.md5Matches ? '' : ' (WRONG DIGEST)'}`,
      pass: md5.ratio >= 0.5 && md5.md5Matches,
    });
  } else {
    lines.push({ budget: 'MD5 of 512 MB in the worker', limit: ">= 50% of md5sum's throughput", measured: 'not measured', pass: null });
  }
  if (soak && soak.heapSeriesMB.length >= 2) {
    const series = soak.heapSeriesMB;
    const endpoints = series.at(-1)! - series[0]!;
    // Judged on the least-squares trend over every sample: a leak shows as a slope, while one
    // sample taken with a batch or a save in flight moves the endpoints by several MB either way.
    const trend = trendOver(series);
    lines.push({
      budget: `heap growth over ${Math.round(soak.windowSeconds / 60)} min soak (${soak.load})`,
      limit: '< 5 MB',
      measured: `trend ${trend.toFixed(2)} MB (first to last sample ${endpoints.toFixed(2)} MB: ${series[0]} -> ${series.at(-1)} MB after GC)`,
      pass: trend < 5,
    });
  } else {
    lines.push({
      budget: 'heap growth over a 10-minute soak',
      limit: '< 5 MB',
      measured: 'not run (npm run bench -- --soak 10)',
      pass: null,
    });
  }
  for (const load of ['progress', 'mix'] as const) lines.push(...loadBudgets(load, steady));
  const large = steady.filter((r) => r.page === 'console' && r.load === 'progress' && r.gateways >= LARGE_FLEET);
  if (large.length > 0) {
    const { lost, undelivered } = losses(large);
    const caughtUp = large.every((r) => r.catchUpMs !== null);
    lines.push({
      budget: `${LARGE_FLEET} docks x 1 Hz progress`,
      limit: 'nothing lost, catches up',
      measured: `${lost} probe updates missing or final states wrong; ${undelivered} not delivered; catch-up ${large.map((r) => (r.catchUpMs === null ? 'timeout' : `${r.catchUpMs} ms`)).join(', ')}`,
      pass: lost === 0 && undelivered === 0 && caughtUp,
    });
  }
  return lines;
}

export function budgetTable(lines: readonly BudgetLine[]): string {
  const mark = (pass: boolean | null) => (pass === null ? 'n/a ' : pass ? 'PASS' : 'FAIL');
  const w = Math.max(...lines.map((l) => l.budget.length));
  const wl = Math.max(...lines.map((l) => l.limit.length));
  return lines.map((l) => `${mark(l.pass)}  ${l.budget.padEnd(w)}  ${l.limit.padEnd(wl)}  ${l.measured}`).join('\n');
}

/**
 * This build's console against the baseline's (--baseline), per load and fleet size of the steady
 * runs: means over the rounds, and this build's figure as a ratio of the baseline's.
 */
export function baselineTable(runs: readonly RunResult[]): string {
  const steady = runs.filter((r) => r.mode === 'steady' && (r.page === 'console' || r.page === 'baseline'));
  const groups = [...new Set(steady.map((r) => `${r.load} ${r.gateways}`))];
  const figures: [string, (r: RunResult) => number | null][] = [
    ['latency p95 ms', (r) => r.latencyMs.p95],
    ['lag slope ms/s', (r) => r.lagTrend?.slopeMsPerS ?? null],
    ['frame p95 ms', (r) => r.frameMs.p95],
    ['long tasks', (r) => r.longTasks.count],
    ['renderer CPU %', (r) => (r.rendererCpuShare === null ? null : r.rendererCpuShare * 100)],
    ['heap MB', (r) => r.heapAfterGcMB],
    ['undelivered', (r) => (r.delivered === null ? null : r.offered - r.delivered)],
  ];
  const fmt = (v: number | null) => (v === null ? '-' : v.toFixed(1));
  const rows = [['load', 'docks', 'figure', 'baseline', 'this build', 'ratio']];
  for (const group of groups) {
    const [load, docks] = group.split(' ');
    const of = (page: string) => steady.filter((r) => `${r.load} ${r.gateways}` === group && r.page === page);
    for (const [name, pick] of figures) {
      const values = (page: string) =>
        of(page)
          .map(pick)
          .filter((v): v is number => v !== null);
      const before = mean(values('baseline'));
      const after = mean(values('console'));
      const ratio = before !== null && after !== null && before > 0 ? `${(after / before).toFixed(2)}x` : '-';
      rows.push([load ?? '', docks ?? '', name, fmt(before), fmt(after), ratio]);
    }
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows.map((row) => row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')).join('\n');
}
