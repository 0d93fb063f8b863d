/** Helpers shared by the protocol tests (and usable by other layers' tests). */
import type { IdSource } from './ids.ts';

/** Deterministic ids: "id-1", "id-2", ... and a clock that starts at `start` and ticks 1 ms per call. */
export function counterIds(start = 1_700_000_000_000): IdSource {
  let n = 0;
  let t = start;
  return { uuid: () => `id-${++n}`, now: () => t++ };
}

export const encoder = new TextEncoder();
