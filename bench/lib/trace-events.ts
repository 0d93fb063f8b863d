/** Reading a Chrome trace written by `npm run bench -- --trace`: its events, checked, and thread names. */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const eventSchema = z.object({
  name: z.string(),
  ph: z.string(),
  ts: z.number(),
  dur: z.number().optional(),
  /** Thread (CPU) time; far below `dur` when the thread was not running: waiting for a core, or for helper threads (parallel GC). */
  tdur: z.number().optional(),
  pid: z.number(),
  tid: z.number(),
  args: z.record(z.string(), z.unknown()).optional(),
});
export type TraceEvent = z.infer<typeof eventSchema>;

/** The trace's events; entries that are not events of this shape are skipped. */
export function readTraceEvents(file: string): TraceEvent[] {
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const rawEvents = z.object({ traceEvents: z.array(z.unknown()) }).parse(parsed).traceEvents;
  return rawEvents.flatMap((e) => {
    const r = eventSchema.safeParse(e);
    return r.success ? [r.data] : [];
  });
}

/** `pid:tid` of a thread or `pid` of a process -> its name, from the trace's metadata events. */
export function namesOf(events: readonly TraceEvent[], kind: 'thread_name' | 'process_name'): Map<string, string> {
  const names = new Map<string, string>();
  for (const e of events) {
    if (e.ph !== 'M' || e.name !== kind || typeof e.args?.name !== 'string') continue;
    names.set(kind === 'thread_name' ? `${e.pid}:${e.tid}` : String(e.pid), e.args.name);
  }
  return names;
}
