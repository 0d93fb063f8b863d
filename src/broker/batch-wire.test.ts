import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decode } from '../protocol/decode.ts';
import type { Decoded } from '../protocol/messages.ts';
import { packBatch, unpackBatch } from './batch-wire.ts';

const SN = '4TADKAQ000002J';

/** Through a structured clone, as postMessage sends it. */
const crossed = (batch: readonly Decoded[]) => unpackBatch(structuredClone(packBatch(batch)));

const progress = (percent: number | null, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    tid: 't-1',
    bid: 'b-1',
    timestamp: 1_733_480_000_000,
    method: 'ota_progress',
    need_reply: 1,
    data: { result: 0, output: { status: 'in_progress', progress: { percent, step_key: 'download_firmware' }, ...extra } },
  });

describe('batch wire format', () => {
  it('gives the page exactly what the worker decoded, for every kind, in order', () => {
    const batch = [
      decode(`thing/product/${SN}/events`, progress(42, { sub_status: 'no_such_value', ext: { rate: 1024 } })),
      decode(`thing/product/${SN}/events`, progress(null)),
      decode(`thing/product/${SN}/osd`, JSON.stringify({ tid: 't', bid: 'b', timestamp: 1, data: { mode_code: 3 } })),
      decode(`thing/product/${SN}/osd`, JSON.stringify({ tid: 't', bid: 'b', timestamp: 1, data: {} })),
      decode(`thing/product/${SN}/state`, JSON.stringify({ tid: 't', bid: 'b', timestamp: 1, data: { firmware_version: '1.2.3' } })),
      decode(`thing/product/${SN}/events`, '{not json'),
      decode(`thing/product/${SN}/events`, JSON.stringify({ tid: 't', bid: 'b', timestamp: 1, method: 'hms', data: {} })),
    ];
    expect(batch.map((d) => d.kind)).toEqual(['ota_progress', 'ota_progress', 'osd', 'osd', 'state', 'invalid', 'ignored']);
    expect(crossed(batch)).toEqual(batch);
  });

  it('sends vocabulary words as indexes and a gateway that is the topic SN once, and restores both', () => {
    const dock = decode(`thing/product/${SN}/events`, progress(7, { sub_status: 'DOWNLOADING' }));
    const aircraftOsd = decode(
      'thing/product/1581F5BKD225D00A00AQ/osd',
      JSON.stringify({ tid: 't', bid: 'b', timestamp: 1, gateway: SN, data: { mode_code: 13 } }),
    );
    // Without the payload text, which the worker sends only for events that say something new.
    const packed = JSON.stringify(packBatch([dock, aircraftOsd], () => ''));
    for (const word of ['in_progress', 'DOWNLOADING', 'download_firmware', 'ota_progress', '"events"', '"osd"'])
      expect(packed).not.toContain(word);
    expect(packed.split(SN).length - 1).toBe(3); // the progress topic and SN, the osd's gateway
    const [dockBack, osdBack] = crossed([dock, aircraftOsd]);
    expect([dockBack, osdBack]).toEqual([dock, aircraftOsd]);
    expect(dockBack?.kind === 'ota_progress' && dockBack.meta.gateway).toBe(SN);
    expect(osdBack?.kind === 'osd' && osdBack.meta.gateway).toBe(SN);
  });

  it('round-trips any ota_progress the decoder makes', () => {
    fc.assert(
      fc.property(
        fc.option(fc.double({ min: -10, max: 200, noNaN: true }), { nil: null }),
        fc.constantFrom('in_progress', 'ok', 'failed', 'sent'),
        fc.option(fc.string({ maxLength: 12 }), { nil: undefined }),
        (percent, status, subStatus) => {
          const payload = JSON.stringify({
            tid: 't',
            bid: 'b',
            timestamp: 5,
            method: 'ota_progress',
            data: { result: 0, output: { status, sub_status: subStatus, progress: { percent } } },
          });
          const batch = [decode(`thing/product/${SN}/events`, payload)];
          expect(crossed(batch)).toEqual(batch);
        },
      ),
    );
  });
});
