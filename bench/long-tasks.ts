/**
 * Long tasks in a trace written by `npm run bench -- --trace`: every task of >= 50 ms on the
 * page's main thread, with the time of what ran inside it (top-level events by name, function calls
 * by script URL and function, GC), so a long task can be pinned on its cause, and its CPU time: a
 * task that spent most of its wall time off the CPU was held up by the machine (the OS ran other
 * threads), not by its own work.
 *   npx tsx bench/long-tasks.ts bench/results/trace-2-console-10000-steady.json [minMs]
 */
import { namesOf, readTraceEvents, type TraceEvent } from './lib/trace-events.ts';

const [file, minArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: npx tsx bench/long-tasks.ts TRACE.json [minMs]');
  process.exit(2);
}
const minUs = Number(minArg ?? 50) * 1000;
const events = readTraceEvents(file);

// The renderer's main thread is the one named CrRendererMain in the metadata events.
const mainThreads = new Set([...namesOf(events, 'thread_name')].filter(([, name]) => name === 'CrRendererMain').map(([thread]) => thread));
const onMain = events.filter((e) => e.ph === 'X' && mainThreads.has(`${e.pid}:${e.tid}`)).sort((a, b) => a.ts - b.ts);
const tasks = onMain.filter((e) => e.name === 'RunTask' && (e.dur ?? 0) >= minUs);

function label(e: TraceEvent): string {
  const data = (e.args?.data ?? {}) as Record<string, unknown>;
  if (e.name === 'FunctionCall')
    return `FunctionCall ${String(data.functionName ?? '?')} ${String(data.url ?? '')
      .split('/')
      .pop()}:${String(data.lineNumber ?? '')}`;
  if (e.name === 'EventDispatch') return `EventDispatch ${String(data.type ?? '')}`;
  return e.name;
}

console.log(`${tasks.length} task(s) of >= ${minUs / 1000} ms on ${mainThreads.size} renderer main thread(s)`);
const onCpu = (task: TraceEvent): string => (task.tdur === undefined ? '' : `, ${(task.tdur / 1000).toFixed(1)} ms on the CPU`);
const heldUp = tasks.filter((t) => t.tdur !== undefined && t.tdur < minUs);
if (heldUp.length > 0)
  console.log(
    `${heldUp.length} of them ran under ${minUs / 1000} ms on the CPU: the rest of their time the thread was not running (waiting for a core, or for helper threads such as parallel GC)`,
  );
for (const task of tasks) {
  const end = task.ts + (task.dur ?? 0);
  const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end);
  const byLabel = new Map<string, number>();
  for (const e of inside) byLabel.set(label(e), (byLabel.get(label(e)) ?? 0) + (e.dur ?? 0));
  console.log(`- ${((task.dur ?? 0) / 1000).toFixed(1)} ms at ${((task.ts - (onMain[0]?.ts ?? 0)) / 1e6).toFixed(2)} s${onCpu(task)}`);
  for (const [name, us] of [...byLabel].sort((a, b) => b[1] - a[1]).slice(0, 8))
    console.log(`    ${(us / 1000).toFixed(1).padStart(7)} ms  ${name}`);
}
