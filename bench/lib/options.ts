import { parseArgs } from 'node:util';
import type { PageKind } from './pages.ts';
import { LOADS, type Load } from '../publisher/plan.ts';

export interface BenchOptions {
  quick: boolean;
  gateways: number[];
  burstGateways: number;
  rounds: number;
  warmupSeconds: number;
  windowSeconds: number;
  drainSeconds: number;
  catchUpTimeoutSeconds: number;
  /** Save a CPU profile of every measured window (distorts the numbers: for finding hot spots). */
  profile: boolean;
  /** Save a Chrome trace of every measured window (each task with what ran in it: for long tasks). */
  trace: boolean;
  /** Save a sampling heap profile of everything allocated in every window, garbage included (for GC pressure). */
  alloc: boolean;
  /** Save a heap snapshot at the end of every run (what the heap figure is made of). */
  heapSnapshot: boolean;
  /** Size of the file for the MD5 comparison (0: skip). */
  md5Megabytes: number;
  probes: number;
  finalSample: number;
  /** Minutes of console-only soak at burstGateways (0: none). */
  soakMinutes: number;
  pages: PageKind[];
  /** A checkout of an earlier commit (node_modules installed) whose console runs beside this one. */
  baseline: string | null;
  /** Which traffic: pure ota_progress, the real mix (osd, state, progress), or both. */
  loads: Load[];
  /** Mix load: share of the docks that are upgrading (send ota_progress), 0..1. */
  upgradingShare: number;
  out: string;
}

const HELP = `npm run bench [-- options]
  --quick              smaller fleets, shorter windows, one round (under 3 minutes)
  --gateways 1000,5000 fleet sizes at 1 Hz (default 1000,5000,10000; quick 1000,10000)
  --rounds N           floor/console pairs per fleet size (default 2; quick 1); 0 skips them and the burst
  --window S           measured seconds per run (default 20; quick 8)
  --warmup S           seconds of traffic before the window opens (default 5; quick 3)
  --soak MIN           then a console soak of MIN minutes at the largest fleet, heap after GC each minute
  --pages floor,console  which pages to run (default both)
  --baseline DIR       also build the console of the checkout in DIR (an earlier commit, npm ci done) and run
                       it as page "baseline" beside this one, interleaved; a table compares the two
  --load progress,mix  which traffic (default both): progress = every gateway sends ota_progress at 1 Hz;
                       mix = every dock an osd every 2 s and a state every 30 s, progress from the upgrading share
  --upgrading PCT      mix: percent of the docks that are upgrading (default 20)
  --profile            save a CPU profile of each window to bench/results/profile-*.json (skews the numbers)
  --alloc              save where the page allocates (sampled, garbage included) to bench/results/alloc-*.heapprofile.json
  --heap-snapshot      save a heap snapshot at the end of each run to bench/results/heap-*.heapsnapshot (npx tsx bench/heap-summary.ts)
  --trace              save a Chrome trace of each window to bench/results/trace-*.json (long tasks: npx tsx bench/long-tasks.ts FILE)
  --md5 MB             size of the file hashed by the console's worker and md5sum (default 512; 0 skips)
  --out FILE           results file (default bench/results/latest.json)`;

export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      gateways: { type: 'string' },
      rounds: { type: 'string' },
      window: { type: 'string' },
      warmup: { type: 'string' },
      soak: { type: 'string' },
      pages: { type: 'string' },
      baseline: { type: 'string' },
      load: { type: 'string' },
      upgrading: { type: 'string' },
      out: { type: 'string' },
      profile: { type: 'boolean', default: false },
      trace: { type: 'boolean', default: false },
      alloc: { type: 'boolean', default: false },
      'heap-snapshot': { type: 'boolean', default: false },
      md5: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const quick = values.quick ?? false;
  const num = (text: string | undefined, fallback: number, name: string) => {
    if (text === undefined) return fallback;
    const n = Number(text);
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number >= 0, got ${text}`);
    return n;
  };
  const gateways = values.gateways
    ? values.gateways.split(',').map((g) => num(g, 0, 'gateways'))
    : quick
      ? [1000, 10_000]
      : [1000, 5000, 10_000];
  if (gateways.some((g) => g < 1 || !Number.isInteger(g))) throw new Error('--gateways takes positive integers');
  const pages = (values.pages ?? 'floor,console').split(',') as PageKind[];
  if (pages.some((p) => p !== 'floor' && p !== 'console')) throw new Error('--pages takes floor and/or console');
  const baseline = values.baseline ?? null;
  if (baseline !== null) pages.push('baseline');
  const loads = (values.load ?? LOADS.join(',')).split(',') as Load[];
  if (loads.some((l) => !LOADS.includes(l))) throw new Error(`--load takes ${LOADS.join(' and/or ')}`);
  const upgrading = num(values.upgrading, 20, 'upgrading');
  if (upgrading <= 0 || upgrading > 100) throw new Error('--upgrading takes a percent in (0, 100]');
  return {
    quick,
    gateways,
    burstGateways: Math.max(...gateways),
    rounds: num(values.rounds, quick ? 1 : 2, 'rounds'),
    warmupSeconds: num(values.warmup, quick ? 3 : 5, 'warmup'),
    windowSeconds: num(values.window, quick ? 8 : 20, 'window'),
    drainSeconds: 1,
    catchUpTimeoutSeconds: 30,
    profile: values.profile ?? false,
    trace: values.trace ?? false,
    alloc: values.alloc ?? false,
    heapSnapshot: values['heap-snapshot'] ?? false,
    md5Megabytes: num(values.md5, 512, 'md5'),
    probes: 10,
    finalSample: quick ? 5 : 20,
    soakMinutes: num(values.soak, 0, 'soak'),
    pages,
    baseline,
    loads,
    upgradingShare: upgrading / 100,
    out: values.out ?? 'bench/results/latest.json',
  };
}
