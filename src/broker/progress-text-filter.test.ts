import { describe, expect, it } from 'vitest';
import { decode } from '../protocol/decode.ts';
import type { OtaProgressDecoded } from '../protocol/messages.ts';
import { eventsTopic } from '../protocol/topics.ts';
import { createProgressTextFilter } from './progress-text-filter.ts';

interface Spec {
  bid?: string | null;
  gateway?: string;
  ts?: number;
  status?: string;
  sub?: string;
  step?: string;
  percent?: number;
  rate?: number;
  result?: number;
}

/** An ota_progress as wire JSON, through the real decoder. */
function progress(spec: Spec = {}): OtaProgressDecoded {
  const { bid = 'bid-1', gateway = 'DOCK1', ts = 1_000, status = 'in_progress', percent = 0 } = spec;
  const message = decode(
    eventsTopic(gateway),
    JSON.stringify({
      ...(bid === null ? {} : { bid }),
      tid: `tid-${ts}`,
      timestamp: ts,
      method: 'ota_progress',
      data: {
        result: spec.result ?? 0,
        output: {
          status,
          ...(spec.sub === undefined ? {} : { sub_status: spec.sub }),
          progress: { percent, ...(spec.step === undefined ? {} : { step_key: spec.step }) },
          ...(spec.rate === undefined ? {} : { ext: { rate: spec.rate } }),
        },
      },
    }),
  );
  if (message.kind !== 'ota_progress') throw new Error(`decoded ${message.kind}`);
  return message;
}

describe('progress text filter', () => {
  it('sends the first event of a task whole and leaves the text of a tick that repeats it behind', () => {
    const filter = createProgressTextFilter();
    const first = progress({ ts: 1, percent: 10, sub: 'DOWNLOADING', step: 'download_firmware' });
    expect(filter(first)).toBe(first.meta.text);
    expect(first.meta.text).not.toBe('');
    expect(filter(progress({ ts: 2, percent: 11, sub: 'DOWNLOADING', step: 'download_firmware', rate: 99 }))).toBe('');
    expect(filter(progress({ ts: 3, percent: 12, sub: 'DOWNLOADING', step: 'download_firmware' }))).toBe('');
  });

  it('sends every event that says something new: sub-status, step, status, a failure, an end', () => {
    const filter = createProgressTextFilter();
    const sent = (m: OtaProgressDecoded) => filter(m) === m.meta.text;
    expect(sent(progress({ ts: 1, sub: 'DOWNLOADING', step: 'download_firmware' }))).toBe(true);
    expect(sent(progress({ ts: 2, sub: 'INSTALLING', step: 'download_firmware' }))).toBe(true);
    expect(sent(progress({ ts: 3, sub: 'INSTALLING', step: 'upgrade_firmware' }))).toBe(true);
    expect(sent(progress({ ts: 4, sub: 'INSTALLING', step: 'upgrade_firmware' }))).toBe(false);
    expect(sent(progress({ ts: 5, sub: 'INSTALLING', step: 'upgrade_firmware', status: 'paused' }))).toBe(true);
    expect(sent(progress({ ts: 6, sub: 'INSTALLING', step: 'upgrade_firmware', status: 'paused', result: 314000 }))).toBe(true);
    expect(sent(progress({ ts: 7, sub: 'INSTALLING', step: 'upgrade_firmware', status: 'paused', result: 314000 }))).toBe(true);
    expect(sent(progress({ ts: 8, sub: 'INSTALLING', step: 'upgrade_firmware', status: 'paused' }))).toBe(false);
    expect(sent(progress({ ts: 9, status: 'ok', percent: 100 }))).toBe(true);
    // The end forgot the task: a redelivered tick after it is news again.
    expect(sent(progress({ ts: 8, sub: 'INSTALLING', step: 'upgrade_firmware', status: 'paused' }))).toBe(true);
  });

  it('keeps tasks apart by bid, and by gateway when progress names no bid', () => {
    const filter = createProgressTextFilter();
    const sent = (m: OtaProgressDecoded) => filter(m) === m.meta.text;
    expect(sent(progress({ bid: 'a', ts: 1 }))).toBe(true);
    expect(sent(progress({ bid: 'b', ts: 1 }))).toBe(true);
    expect(sent(progress({ bid: 'a', ts: 2 }))).toBe(false);
    expect(sent(progress({ bid: null, gateway: 'DOCK9', ts: 1 }))).toBe(true);
    expect(sent(progress({ bid: null, gateway: 'DOCK9', ts: 2 }))).toBe(false);
    expect(sent(progress({ bid: null, gateway: 'DOCK8', ts: 2 }))).toBe(true);
  });

  it('forgets the task seen longest ago past its limit, so memory stays bounded', () => {
    const filter = createProgressTextFilter(2);
    const sent = (m: OtaProgressDecoded) => filter(m) === m.meta.text;
    expect(sent(progress({ bid: 'a' }))).toBe(true);
    expect(sent(progress({ bid: 'b' }))).toBe(true);
    expect(sent(progress({ bid: 'a', sub: 'DOWNLOADING' }))).toBe(true);
    expect(sent(progress({ bid: 'c' }))).toBe(true);
    // b was the oldest when c came: forgotten; a (renewed by its change) is still known.
    expect(sent(progress({ bid: 'a', sub: 'DOWNLOADING' }))).toBe(false);
    expect(sent(progress({ bid: 'b' }))).toBe(true);
  });
});
