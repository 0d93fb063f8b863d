import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildEventsReply, buildOtaCreate, buildStatusReply, encodeMessage, otaCreateDeviceProblem } from './builders.ts';
import { decode } from './decode.ts';
import { SEED_OTA_CREATE } from './examples.ts';
import type { OtaCreateDevice } from './messages.ts';
import { InvalidSnError } from './sn.ts';
import { counterIds } from './protocol-test-kit.ts';
import { eventsReplyTopic, servicesTopic } from './topics.ts';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const SEED_DEVICE: OtaCreateDevice = (JSON.parse(SEED_OTA_CREATE) as { data: { devices: OtaCreateDevice[] } }).data.devices[0]!;
const AIRCRAFT: OtaCreateDevice = { ...SEED_DEVICE, sn: '1581F5BMD228Q00A82XX', file_name: 'aircraft.bin', firmware_upgrade_type: 2 };

describe('buildOtaCreate', () => {
  it('builds the documented example command with exactly the documented fields and types', () => {
    const message = buildOtaCreate([SEED_DEVICE], counterIds(1654070968655));
    expect(message).toEqual({ tid: 'id-1', bid: 'id-2', timestamp: 1654070968655, method: 'ota_create', data: { devices: [SEED_DEVICE] } });
    const device = message.data.devices[0]!;
    expect(Object.keys(device).sort()).toEqual([
      'file_name',
      'file_size',
      'file_url',
      'firmware_upgrade_type',
      'md5',
      'product_version',
      'sn',
    ]);
    expect(typeof device.file_size).toBe('number');
    expect(typeof device.firmware_upgrade_type).toBe('number');
  });

  it('uses a fresh UUID for tid and for bid on every call, and the current time', () => {
    const before = Date.now();
    const a = buildOtaCreate([SEED_DEVICE]);
    const b = buildOtaCreate([SEED_DEVICE]);
    for (const id of [a.tid, a.bid, b.tid, b.bid]) expect(id).toMatch(UUID_V4);
    expect(new Set([a.tid, a.bid, b.tid, b.bid]).size).toBe(4);
    expect(a.timestamp).toBeGreaterThanOrEqual(before);
    expect(String(a.timestamp)).toHaveLength(13);
  });

  it('carries a dock and its aircraft in one command', () => {
    expect(buildOtaCreate([SEED_DEVICE, AIRCRAFT], counterIds()).data.devices.map((d) => d.sn)).toEqual([
      'NM1923221021',
      '1581F5BMD228Q00A82XX',
    ]);
  });

  it('lowercases a pasted uppercase MD5 and drops fields the caller attached', () => {
    const extra = { ...SEED_DEVICE, md5: ' D1C9DACEC124ABD350379EB44B9143E5 ', release_notes: 'x', id: 7 } as OtaCreateDevice;
    const device = buildOtaCreate([extra], counterIds()).data.devices[0]!;
    expect(device).toEqual(SEED_DEVICE);
  });

  it.each([
    [{ sn: 'NM/1' }, "ota_create device 1 (NM/1): sn: SN contains '/'"],
    [{ product_version: '' }, 'ota_create device 1 (NM1923221021): product_version: version is empty'],
    [{ file_url: 'ftp://h/a.bin' }, 'ota_create device 1 (NM1923221021): file_url: URL must use http or https, not ftp'],
    [{ file_url: 'firmware/a.bin' }, 'file_url: URL is not an absolute URL'],
    [{ md5: 'abc' }, 'md5: MD5 must be 32 hexadecimal characters, got 3'],
    [{ file_size: 0 }, 'file_size: file size must be greater than 0 bytes'],
    [{ file_size: 12.5 }, 'file_size: file size must be a whole number of bytes'],
    [{ file_name: 'dir/a.bin' }, "file_name: file name must not contain '/' or '\\'"],
    [{ firmware_upgrade_type: 1 }, 'firmware_upgrade_type: must be 2 (consistency), 3 (regular) or 4 (PSDK)'],
  ])('refuses %j', (change, message) => {
    const device = { ...SEED_DEVICE, ...change } as OtaCreateDevice;
    expect(() => buildOtaCreate([device])).toThrow(message);
    expect(otaCreateDeviceProblem(device)).not.toBeNull();
  });

  it('names the second device when it is the bad one', () => {
    expect(() => buildOtaCreate([SEED_DEVICE, { ...AIRCRAFT, md5: 'zz' }])).toThrow(/^ota_create device 2 \(1581F5BMD228Q00A82XX\): md5:/);
  });

  it('refuses an empty list, more than two devices, and the same device twice', () => {
    expect(() => buildOtaCreate([])).toThrow('ota_create needs at least one device');
    expect(() => buildOtaCreate([SEED_DEVICE, AIRCRAFT, { ...AIRCRAFT, sn: 'X3' }])).toThrow('ota_create takes at most 2 devices');
    expect(() => buildOtaCreate([SEED_DEVICE, SEED_DEVICE])).toThrow('ota_create lists the same device twice');
  });

  it('round trips through decode for any valid device pair', () => {
    const sn = fc.string({ unit: fc.constantFrom(...'ABCXYZ0189-_'.split('')), minLength: 1, maxLength: 64 });
    const device = fc.record({
      sn,
      product_version: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 20 }).filter((v) => v.trim() !== ''),
      file_url: fc.webUrl({ validSchemes: ['http', 'https'] }),
      md5: fc.stringMatching(/^[0-9a-f]{32}$/),
      file_size: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
      file_name: fc.stringMatching(/^[A-Za-z0-9._-]{1,40}$/),
      firmware_upgrade_type: fc.constantFrom(2 as const, 3 as const, 4 as const),
    });
    const devices = fc.uniqueArray(device, { minLength: 1, maxLength: 2, selector: (d) => d.sn });
    fc.assert(
      fc.property(devices, (list) => {
        const message = buildOtaCreate(list, counterIds());
        const decoded = decode(servicesTopic('GW1'), encodeMessage(message));
        expect(decoded).toMatchObject({
          kind: 'ota_create',
          devices: list,
          meta: { tid: message.tid, bid: message.bid, timestamp: message.timestamp },
        });
      }),
      { numRuns: 150 },
    );
  });
});

describe('replies', () => {
  const event = decode(
    'thing/product/DOCK1/events',
    JSON.stringify({
      tid: 'T-9',
      bid: 'B-9',
      timestamp: 5,
      method: 'ota_progress',
      need_reply: 1,
      data: { result: 0, output: { status: 'in_progress', progress: { percent: 3 } } },
    }),
  );
  if (event.kind !== 'ota_progress') throw new Error('fixture must decode');

  it('events_reply echoes tid, bid and method from the decoded event, with result 0 and a fresh timestamp', () => {
    const reply = buildEventsReply(event.meta, counterIds(1700000000123));
    expect(reply).toEqual({ tid: 'T-9', bid: 'B-9', timestamp: 1700000000123, method: 'ota_progress', data: { result: 0 } });
    expect(eventsReplyTopic(event.meta.gateway)).toBe('thing/product/DOCK1/events_reply');
  });

  it('status_reply does the same for update_topo', () => {
    expect(buildStatusReply({ tid: 'a', bid: 'b', method: 'update_topo' }, counterIds(9))).toEqual({
      tid: 'a',
      bid: 'b',
      timestamp: 9,
      method: 'update_topo',
      data: { result: 0 },
    });
  });

  it('uses the clock by default', () => {
    const before = Date.now();
    expect(buildStatusReply({ tid: 'a', bid: 'b', method: 'update_topo' }).timestamp).toBeGreaterThanOrEqual(before);
  });

  it.each([
    [{ tid: null, bid: 'b', method: 'm' }, 'events_reply: the message has no tid to echo, so it cannot be answered'],
    [{ tid: 't', bid: '', method: 'm' }, 'events_reply: the message has no bid to echo, so it cannot be answered'],
    [{ tid: 't', bid: 'b', method: null }, 'events_reply: the message has no method to echo, so it cannot be answered'],
  ])('refuses to answer %j', (target, message) => {
    expect(() => buildEventsReply(target)).toThrow(message);
  });

  it('encodes to the JSON a device parses back to the same values', () => {
    const reply = buildEventsReply(event.meta, counterIds());
    expect(JSON.parse(encodeMessage(reply))).toEqual(reply);
  });
});

describe('InvalidSnError from builders', () => {
  it('is what topic builders throw for an unsafe gateway', () => {
    expect(() => servicesTopic('GW#1')).toThrow(InvalidSnError);
  });
});
