import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snProblem } from '../protocol/sn.ts';
import { englishText } from '../ui/i18n/message.ts';
import { snIssue } from './sn-issue.ts';

const english = (sn: string) => {
  const issue = snIssue(sn);
  return issue === null ? null : englishText(issue);
};

describe('snIssue', () => {
  it('says in English exactly what src/protocol says, for any text', () => {
    const chars = fc.constantFrom('A', 'z', '0', '-', '_', '/', '+', '#', ' ', '\u0000', '\t', '\u200b', 'é', '机', '😀', '.');
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: chars, maxLength: 70 }), fc.string({ maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 10 })),
        (sn) => {
          expect(english(sn)).toBe(snProblem(sn));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('names the character and the limit in its values, so another language can word them', () => {
    expect(snIssue('DOCK/1')).toEqual({
      ns: 'fleet',
      key: 'sn.badCharMqtt',
      values: { char: { ns: 'fleet', key: 'sn.quoted', values: { char: '/' } } },
    });
    expect(snIssue('A B')).toEqual({ ns: 'fleet', key: 'sn.badChar', values: { char: { ns: 'fleet', key: 'sn.space' } } });
    expect(snIssue('A\u0000')).toEqual({ ns: 'fleet', key: 'sn.badChar', values: { char: 'NUL (U+0000)' } });
    expect(snIssue('x'.repeat(65))).toEqual({ ns: 'fleet', key: 'sn.tooLong', values: { length: 65, max: 64 } });
    expect(snIssue('DOCK-1_a')).toBeNull();
  });
});
