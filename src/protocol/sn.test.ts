import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidSnError, assertSn, isValidSn, snProblem } from './sn.ts';
import {
  eventsReplyTopic,
  eventsTopic,
  osdTopic,
  parseTopic,
  servicesReplyTopic,
  servicesTopic,
  stateTopic,
  statusReplyTopic,
  statusTopic,
} from './topics.ts';

const TOPIC_BUILDERS = [
  servicesTopic,
  servicesReplyTopic,
  eventsTopic,
  eventsReplyTopic,
  statusTopic,
  statusReplyTopic,
  stateTopic,
  osdTopic,
];
const SN_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split('');

describe('isValidSn', () => {
  it.each(['NM1923221021', '4TADKAQ000002J', 'DOCK1', 'a', 'dock_1-B', 'x'.repeat(64)])('accepts %s', (sn) => {
    expect(isValidSn(sn)).toBe(true);
    expect(snProblem(sn)).toBeNull();
    expect(assertSn(sn)).toBe(sn);
  });

  it.each([
    ['', 'SN is empty'],
    ['x'.repeat(65), 'SN is 65 characters long; at most 64 are allowed'],
    ['DOCK/1', "SN contains '/' (it has a special meaning in MQTT topics); only letters, digits, '-' and '_' are allowed"],
    ['DOCK+', "SN contains '+' (it has a special meaning in MQTT topics)"],
    ['#', "SN contains '#' (it has a special meaning in MQTT topics)"],
    ['DO\u0000CK', 'SN contains NUL (U+0000)'],
    ['DOCK 1', 'SN contains a space'],
    ['DOCK\t1', 'SN contains U+0009'],
    ['DOCK\n', 'SN contains U+000A'],
    ['DÖCK', "SN contains 'Ö'"],
    ['DOCK.1', "SN contains '.'"],
  ])('rejects %j with a readable reason', (sn, reason) => {
    expect(isValidSn(sn)).toBe(false);
    expect(snProblem(sn)).toContain(reason);
    expect(() => assertSn(sn)).toThrow(InvalidSnError);
  });

  it.each([undefined, null, 42, {}, ['DOCK1']])('rejects non-text %j', (sn) => {
    expect(isValidSn(sn)).toBe(false);
    expect(snProblem(sn)).toMatch(/^SN must be text/);
  });

  it('accepts every string of allowed characters between 1 and 64 long', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...SN_CHARS), minLength: 1, maxLength: 64 }), (sn) => {
        expect(isValidSn(sn)).toBe(true);
        expect(parseTopic(eventsTopic(sn))).toEqual({ family: 'events', sn });
      }),
      { numRuns: 200 },
    );
  });

  it('rejects any string holding / + # or NUL, and every topic builder throws for it', () => {
    const unsafe = fc
      .tuple(fc.string({ maxLength: 20 }), fc.constantFrom('/', '+', '#', '\u0000'), fc.string({ maxLength: 20 }))
      .map(([a, bad, b]) => a + bad + b);
    fc.assert(
      fc.property(unsafe, (sn) => {
        expect(isValidSn(sn)).toBe(false);
        expect(snProblem(sn)).not.toBeNull();
        for (const build of TOPIC_BUILDERS) expect(() => build(sn)).toThrow(InvalidSnError);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with snProblem on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 70 }), (sn) => {
        expect(isValidSn(sn)).toBe(snProblem(sn) === null);
      }),
      { numRuns: 300 },
    );
  });
});

describe('InvalidSnError', () => {
  it('carries the rejected SN and the reason', () => {
    const error = new InvalidSnError('A/B');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('InvalidSnError');
    expect(error.sn).toBe('A/B');
    expect(error.message).toContain("'/'");
  });
});
