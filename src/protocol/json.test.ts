import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, nestingDepth, parseJsonSafely } from './json.ts';

const TOO_DEEP = `payload nests deeper than ${MAX_JSON_DEPTH} levels`;
const nested = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

describe('parseJsonSafely and nesting', () => {
  it('takes nesting up to the limit and refuses one level more', () => {
    expect(parseJsonSafely(nested(MAX_JSON_DEPTH)).ok).toBe(true);
    expect(parseJsonSafely(nested(MAX_JSON_DEPTH + 1))).toEqual({ ok: false, reason: TOO_DEEP });
  });

  it('reads shallow text with many brackets, inside strings or side by side', () => {
    const inString = JSON.stringify({ a: '[{'.repeat(100) });
    expect(parseJsonSafely(inString)).toEqual({ ok: true, value: { a: '[{'.repeat(100) } });
    const sideBySide = JSON.stringify(Array.from({ length: 100 }, (_, i) => ({ i })));
    expect(parseJsonSafely(sideBySide).ok).toBe(true);
  });

  it('refuses exactly the text whose nesting is deeper than the limit (property)', () => {
    const value = fc.letrec<{ node: unknown }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.integer(),
        fc.string(),
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(fc.string(), tie('node'), { maxKeys: 3 }),
      ),
    })).node;
    const text = fc.oneof(
      fc.json({ maxDepth: 40 }),
      value.map((v) => JSON.stringify(v)),
      fc.integer({ min: 0, max: 60 }).map(nested),
    );
    fc.assert(
      fc.property(text, (t) => {
        const result = parseJsonSafely(t);
        if (nestingDepth(t) > MAX_JSON_DEPTH) expect(result).toEqual({ ok: false, reason: TOO_DEEP });
        else expect(result.ok).toBe(true);
      }),
      { numRuns: 1_000 },
    );
  });
});
