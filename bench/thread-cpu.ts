/**
 * Wall and CPU time of every thread in a trace written by `npm run bench -- --trace`, as a share of
 * one core over the trace: which thread is the bottleneck (wall near 100%) and how much of a core
 * it actually got (CPU), beside the network service, the compositor and the GC helpers.
 *   npx tsx bench/thread-cpu.ts bench/results/trace-1-console-progress-10000-steady.json [rows]
 */
import { threadTimes, traceSpanUs } from './lib/thread-time.ts';
import { namesOf, readTraceEvents } from './lib/trace-events.ts';

const [file, rowsArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: npx tsx bench/thread-cpu.ts TRACE.json [rows]');
  process.exit(2);
}
const events = readTraceEvents(file);
const spanUs = traceSpanUs(events);
if (spanUs === 0) {
  console.error(`${file}: no timed events`);
  process.exit(1);
}
const threads = namesOf(events, 'thread_name');
const processes = namesOf(events, 'process_name');
const share = (us: number) => `${((100 * us) / spanUs).toFixed(1).padStart(5)}%`;
console.log(`${(spanUs / 1e6).toFixed(1)} s of trace; shares of one core`);
console.log(`${'process'.padEnd(16)} ${'thread'.padEnd(30)}   cpu    wall  tasks/s`);
for (const t of threadTimes(events).slice(0, Number(rowsArg ?? 15))) {
  const pid = t.thread.split(':')[0] ?? '';
  const rate = Math.round(t.tasks / (spanUs / 1e6));
  console.log(
    `${(processes.get(pid) ?? pid).slice(0, 16).padEnd(16)} ${(threads.get(t.thread) ?? t.thread).slice(0, 30).padEnd(30)} ${share(t.cpuUs)} ${share(t.wallUs)} ${String(rate).padStart(8)}`,
  );
}
