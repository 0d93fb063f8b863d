/**
 * Injected into every benchmarked page before its own scripts (never part of a build): frame
 * times, long tasks and the probe gateways' progressbars as they change on screen. Both pages are
 * read through the same DOM signal, a progressbar named "Upgrade progress {SN}" whose
 * aria-valuenow changes, so the floor and the console are measured the same way.
 *
 * Self-contained on purpose: it is transpiled on its own and runs as a classic script.
 */
interface ProbeSample {
  sn: string;
  value: number;
  /** Epoch ms with sub-ms precision, comparable with the publisher's Date.now(). */
  at: number;
}

/** A long animation frame (Chrome's LoAF entries): what script ran in a frame of 50 ms or more. */
export interface LongFrame {
  start: number;
  duration: number;
  /** The longest scripts of the frame: what invoked them (a rAF callback, a message, a timer) and where. */
  scripts: { invoker: string; source: string; duration: number }[];
}

interface BenchInstrument {
  probes: ProbeSample[];
  frames: number[];
  longTasks: { start: number; duration: number }[];
  longFrames: LongFrame[];
  windowStart: number | null;
  windowEnd: number | null;
  start(): void;
  stop(): void;
  /** Last value seen per probe SN. */
  last(): Record<string, number>;
}

(function install(probePrefix: string) {
  const epochNow = () => performance.timeOrigin + performance.now();
  const lastValue = new Map<string, number>();
  const state: BenchInstrument = {
    probes: [],
    frames: [],
    longTasks: [],
    longFrames: [],
    windowStart: null,
    windowEnd: null,
    start() {
      state.frames = [];
      state.windowStart = performance.now();
      state.windowEnd = null;
    },
    stop() {
      state.windowEnd = performance.now();
    },
    last: () => Object.fromEntries(lastValue),
  };
  (window as unknown as { __benchInstrument: BenchInstrument }).__benchInstrument = state;

  let previousFrame: number | null = null;
  const frame = (time: number) => {
    if (previousFrame !== null && state.windowStart !== null && state.windowEnd === null) state.frames.push(time - previousFrame);
    previousFrame = time;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);

  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) state.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No longtask support: the harness reports the count as unknown (the array stays empty).
  }

  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        scripts?: { invoker?: string; sourceURL?: string; sourceFunctionName?: string; sourceCharPosition?: number; duration: number }[];
      })[]) {
        const scripts = [...(entry.scripts ?? [])]
          .sort((a, b) => b.duration - a.duration)
          .slice(0, 3)
          .map((s) => ({
            invoker: s.invoker ?? '',
            source: `${(s.sourceURL ?? '').split('/').pop() ?? ''}:${s.sourceCharPosition ?? -1} ${s.sourceFunctionName ?? ''}`.trim(),
            duration: Math.round(s.duration),
          }));
        state.longFrames.push({ start: entry.startTime, duration: entry.duration, scripts });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // No Long Animation Frames API: long tasks are still counted, without what ran in them.
  }

  const nameOf = (el: Element): string => {
    const label = el.getAttribute('aria-label');
    if (label) return label;
    const ids = el.getAttribute('aria-labelledby');
    if (!ids) return '';
    return ids
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ');
  };
  const check = (el: Element) => {
    if (el.getAttribute('role') !== 'progressbar') return;
    const match = /^Upgrade progress (\S+)/.exec(nameOf(el).trim());
    const sn = match?.[1];
    if (!sn || !sn.startsWith(probePrefix)) return;
    const value = Number(el.getAttribute('aria-valuenow'));
    if (!Number.isFinite(value) || lastValue.get(sn) === value) return;
    lastValue.set(sn, value);
    state.probes.push({ sn, value, at: epochNow() });
  };
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') {
        if (record.target instanceof Element) check(record.target);
        continue;
      }
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        check(node);
        for (const bar of node.querySelectorAll('[role="progressbar"]')) check(bar);
      }
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow', 'aria-label'] });
})('__PROBE_PREFIX__');
