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
    'gateways',
    'mode',
    'offered',
    'delivered',
    'probe seen',
    'finals ok',
    'lat p50/p95/p99 ms',
    'frame p50/p95 ms',
    'long tasks (max ms)',
    'busy',
    'heap MB',
    'catch-up',
    'pub lag p99',
    'load',
  ];
  const rows = runs.map((r) => [
    r.page,
    String(r.gateways),
    r.mode,
    String(r.offered),
    dash(r.delivered),
    `${r.probeUpdates.seen}/${r.probeUpdates.published}`,
    `${r.finals.correct}/${r.finals.checked}`,
    `${dash(r.latencyMs.p50)}/${dash(r.latencyMs.p95)}/${dash(r.latencyMs.p99)}`,
    `${dash(r.frameMs.p50)}/${dash(r.frameMs.p95)}`,
    `${r.longTasks.count} (${r.longTasks.maxMs})`,
    r.busyShare === null ? '-' : `${Math.round(r.busyShare * 100)}%`,
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

/** The budgets of issue 9, judged at the largest steady fleet (and the soak, when one ran). */
export function judgeBudgets(runs: readonly RunResult[], size: InitialSize, soak: RunResult | null, md5: Md5Result | null): BudgetLine[] {
  const steady = runs.filter((r) => r.mode === 'steady');
  const top = Math.max(0, ...steady.map((r) => r.gateways));
  const at = (page: RunResult['page']) => steady.filter((r) => r.page === page && r.gateways === top);
  const consoleRuns = at('console');
  const floorRuns = at('floor');
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
      budget: `heap growth over ${Math.round(soak.windowSeconds / 60)} min soak`,
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
  if (consoleRuns.length === 0) return lines;

  const lost = consoleRuns.reduce((n, r) => n + r.probeUpdates.missing + (r.finals.checked - r.finals.correct), 0);
  const undelivered = consoleRuns.reduce((n, r) => n + (r.delivered === null ? 0 : Math.max(0, r.offered - r.delivered)), 0);
  lines.push({
    budget: `every event applied (${top} gw)`,
    limit: 'all probes and final states correct',
    measured: `${lost} probe updates missing or final states wrong; ${undelivered} messages not delivered`,
    pass: lost === 0 && undelivered === 0,
  });
  const p95 = Math.max(...consoleRuns.map((r) => r.latencyMs.p95 ?? Number.POSITIVE_INFINITY));
  lines.push({ budget: `probe latency p95 (${top} gw)`, limit: '<= 250 ms', measured: `${p95} ms (worst run)`, pass: p95 <= 250 });
  // Mean over the rounds: with two rounds a median would just be the better one.
  const consoleFrame = mean(consoleRuns.map((r) => r.frameMs.p95 ?? Number.POSITIVE_INFINITY));
  const floorFrame = mean(floorRuns.map((r) => r.frameMs.p95 ?? Number.POSITIVE_INFINITY));
  if (consoleFrame !== null && floorFrame !== null) {
    const ratio = consoleFrame / floorFrame;
    lines.push({
      budget: `frame p95 vs floor (${top} gw)`,
      limit: '<= 1.2x',
      measured: `${consoleFrame.toFixed(1)} ms vs ${floorFrame.toFixed(1)} ms (mean of rounds) = ${ratio.toFixed(2)}x`,
      pass: ratio <= 1.2,
    });
  }
  const longTasks = consoleRuns.reduce((n, r) => n + r.longTasks.count, 0);
  const longest = Math.max(0, ...consoleRuns.map((r) => r.longTasks.maxMs));
  lines.push({
    budget: `long tasks (${top} gw)`,
    limit: 'none (>= 50 ms)',
    measured: `${longTasks} (longest ${longest} ms)`,
    pass: longTasks === 0,
  });
  return lines;
}

export function budgetTable(lines: readonly BudgetLine[]): string {
  const mark = (pass: boolean | null) => (pass === null ? 'n/a ' : pass ? 'PASS' : 'FAIL');
  const w = Math.max(...lines.map((l) => l.budget.length));
  const wl = Math.max(...lines.map((l) => l.limit.length));
  return lines.map((l) => `${mark(l.pass)}  ${l.budget.padEnd(w)}  ${l.limit.padEnd(wl)}  ${l.measured}`).join('\n');
}
