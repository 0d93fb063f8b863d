import { describe, expect, it } from 'vitest';
import { EventPacer } from './event-pacer.ts';

const ev = (key: string, percent: number) => ({ key, percent });

describe('EventPacer', () => {
  it('releases one item per interval', () => {
    const p = new EventPacer<{ key: string; percent: number }>(1000);
    p.push(ev('a', 0));
    p.push(ev('b', 0));
    expect(p.take(0)).toEqual(ev('a', 0));
    expect(p.take(999)).toBeNull();
    expect(p.take(1000)).toEqual(ev('b', 0));
    expect(p.take(5000)).toBeNull();
  });

  it('keeps the first snapshot of a phase and only the latest of the rest', () => {
    const p = new EventPacer<{ key: string; percent: number }>(1000);
    for (const percent of [0, 5, 10, 15]) p.push(ev('upgrade', percent));
    p.push(ev('done', 100));
    const taken = [p.take(0), p.take(1000), p.take(2000), p.take(3000)];
    expect(taken).toEqual([ev('upgrade', 0), ev('upgrade', 15), ev('done', 100), null]);
  });

  it('coalesces a running phase after its first snapshot was sent', () => {
    const p = new EventPacer<{ key: string; percent: number }>(1000);
    p.push(ev('download', 0));
    expect(p.take(0)).toEqual(ev('download', 0));
    for (const percent of [5, 10, 15]) p.push(ev('download', percent));
    expect(p.pending).toBe(1);
    expect(p.take(1000)).toEqual(ev('download', 15));
  });
});
