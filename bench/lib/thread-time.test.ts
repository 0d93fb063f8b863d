import { describe, expect, it } from 'vitest';
import { threadTimes, traceSpanUs } from './thread-time.ts';
import type { TraceEvent } from './trace-events.ts';

const task = (tid: number, ts: number, dur: number, tdur?: number, name = 'RunTask'): TraceEvent => ({
  name,
  ph: 'X',
  ts,
  dur,
  pid: 1,
  tid,
  ...(tdur === undefined ? {} : { tdur }),
});

describe('threadTimes', () => {
  it('counts each outermost task once, its nested events inside it', () => {
    const times = threadTimes([
      task(7, 0, 100, 40),
      task(7, 10, 50, 30, 'FunctionCall'),
      task(7, 20, 10, 10, 'V8.GC'),
      task(7, 200, 100, 90),
      task(8, 0, 500, 100),
    ]);
    expect(times).toEqual([
      { thread: '1:7', wallUs: 200, cpuUs: 130, tasks: 2 },
      { thread: '1:8', wallUs: 500, cpuUs: 100, tasks: 1 },
    ]);
  });

  it('leaves out events without thread time and metadata', () => {
    const meta: TraceEvent = { name: 'thread_name', ph: 'M', ts: 0, pid: 1, tid: 7, args: { name: 'CrRendererMain' } };
    expect(threadTimes([meta, task(7, 0, 100), { ...task(7, 0, 10, 5), ph: 'B' }])).toEqual([]);
  });

  it('takes the span from the first event to the end of the last', () => {
    expect(traceSpanUs([task(7, 100, 50, 1), task(8, 400, 300, 1), { name: 'x', ph: 'M', ts: 0, pid: 1, tid: 1 }])).toBe(600);
    expect(traceSpanUs([])).toBe(0);
  });
});
