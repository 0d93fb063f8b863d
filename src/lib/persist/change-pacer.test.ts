import { describe, expect, it } from 'vitest';
import { ChangePacer, type PacerOptions } from './change-pacer.ts';

/** Records that are their own facts. */
const stringPacer = (options: PacerOptions) =>
  new ChangePacer<string, string>({ factsOf: (v) => v, sameFacts: (f, v) => f === v }, options);

/** One ask over `changed` (key -> facts) at `now`: the keys due, each noted as written. */
function ask(pacer: ChangePacer<string, string>, changed: Record<string, string>, now: number, full = false): string[] {
  pacer.beginAsk();
  const due = Object.entries(changed).filter(([key, facts]) => pacer.due(key, facts, now, full));
  for (const [key, facts] of due) pacer.written(key, facts, now);
  return due.map(([key]) => key);
}

describe('ChangePacer', () => {
  it('a new key and a change of facts are due at once', () => {
    const pacer = stringPacer({ minorEveryMs: 60_000 });
    expect(ask(pacer, { a: 'running', b: 'running' }, 0)).toEqual(['a', 'b']);
    expect(ask(pacer, { a: 'failed' }, 1_000)).toEqual(['a']);
    expect(pacer.holding).toBe(false);
    expect(pacer.askAgainIn()).toBeNull();
  });

  it('a change with the same facts waits for the minor interval, counted from the last write', () => {
    const pacer = stringPacer({ minorEveryMs: 60_000 });
    ask(pacer, { a: 'running' }, 0);
    expect(ask(pacer, { a: 'running' }, 1_000)).toEqual([]);
    expect(pacer.holding).toBe(true);
    expect(pacer.askAgainIn()).toBe(60_000);
    expect(ask(pacer, { a: 'running' }, 59_999)).toEqual([]);
    expect(ask(pacer, { a: 'running' }, 60_000)).toEqual(['a']);
    expect(pacer.holding).toBe(false);
    expect(ask(pacer, { a: 'running' }, 61_000)).toEqual([]);
  });

  it('a full ask takes every change', () => {
    const pacer = stringPacer({ minorEveryMs: 60_000 });
    ask(pacer, { a: 'running' }, 0);
    expect(ask(pacer, { a: 'running' }, 1_000, true)).toEqual(['a']);
    expect(pacer.holding).toBe(false);
  });

  it('takes at most minorPerAsk minor changes per ask and asks for the next write at once', () => {
    const pacer = stringPacer({ minorEveryMs: 10, minorPerAsk: 2 });
    const changed = { a: 'x', b: 'x', c: 'x', d: 'x', e: 'x' };
    ask(pacer, changed, 0);
    expect(ask(pacer, changed, 10)).toEqual(['a', 'b']);
    expect(pacer.askAgainIn()).toBe(0);
    // The ones written are not due again yet; the rest are, two at a time.
    expect(ask(pacer, changed, 11)).toEqual(['c', 'd']);
    expect(ask(pacer, changed, 12)).toEqual(['e']);
    expect(pacer.askAgainIn()).toBe(10);
    // A change of facts is never held by the limit.
    expect(ask(pacer, { ...changed, a: 'y', b: 'y', c: 'y' }, 13)).toEqual(['a', 'b', 'c']);
  });

  it('forgets keys the store let go once it knows more than twice as many as the store holds', () => {
    const pacer = stringPacer({ minorEveryMs: 60_000 });
    ask(pacer, { a: 'x', b: 'x', c: 'x' }, 0);
    pacer.retain((key) => key === 'a', 2);
    // Three known, two live: kept (a later ask still knows b).
    expect(ask(pacer, { b: 'x' }, 1)).toEqual([]);
    pacer.retain((key) => key === 'a', 1);
    // b forgotten: its next change counts as new.
    expect(ask(pacer, { a: 'x', b: 'x' }, 2)).toEqual(['b']);
  });
});
