/** The variations devices really send, and the reasons support staff see when data is wrong. */
import { describe, expect, it } from 'vitest';
import { decode } from './decode.ts';
import type { Decoded } from './messages.ts';

const EVENTS = 'thing/product/DOCK1/events';

function progressMessage(progress: Record<string, unknown>, output: Record<string, unknown> = {}, envelope: Record<string, unknown> = {}) {
  return {
    tid: 't-1',
    bid: 'b-1',
    timestamp: 1707048089244,
    method: 'ota_progress',
    data: { result: 0, output: { status: 'in_progress', sub_status: 'DOWNLOADING', progress: { percent: 40, ...progress }, ...output } },
    ...envelope,
  };
}

function decodeProgress(message: object): Decoded & { kind: 'ota_progress' } {
  const decoded = decode(EVENTS, JSON.stringify(message));
  if (decoded.kind !== 'ota_progress') throw new Error(`expected ota_progress, got ${JSON.stringify(decoded)}`);
  return decoded;
}

function reasonFor(topic: string, message: unknown): string {
  const decoded = decode(topic, JSON.stringify(message));
  if (decoded.kind !== 'invalid') throw new Error(`expected invalid, got ${decoded.kind}`);
  return decoded.reason;
}

describe('step spellings', () => {
  it.each([
    [{ step_key: 'download_firmware' }, 'download_firmware'],
    [{ step_key: 'upgrade_firmware' }, 'upgrade_firmware'],
    [{ current_step: 'upgrade_firmware' }, 'upgrade_firmware'],
    [{ current_step: 1 }, 'download_firmware'],
    [{ current_step: 2 }, 'upgrade_firmware'],
    [{ step: 1 }, 'download_firmware'],
    [{ step: 2 }, 'upgrade_firmware'],
    [{ step: 2, step_key: 'upgrade_firmware' }, 'upgrade_firmware'],
    [{ step: 2, step_key: '' }, 'upgrade_firmware'],
    [{ step_key: 'download_firmware', step: 2 }, 'download_firmware'],
    [{ step_key: 'compile_kernel', current_step: 2 }, 'upgrade_firmware'],
    [{}, null],
    [{ step: 3 }, null],
    [{ step: '1' }, null],
    [{ current_step: 'later' }, null],
    [{ step_key: null }, null],
  ])('%j -> %s', (progress, step) => {
    expect(decodeProgress(progressMessage(progress)).step).toBe(step);
  });
});

describe('timestamps', () => {
  it('accept milliseconds as a number or a string of digits', () => {
    expect(decodeProgress(progressMessage({}, {}, { timestamp: 1707048089244 })).meta.timestamp).toBe(1707048089244);
    expect(decodeProgress(progressMessage({}, {}, { timestamp: '1707048089244' })).meta.timestamp).toBe(1707048089244);
    expect(decodeProgress(progressMessage({}, {}, { timestamp: undefined })).meta.timestamp).toBeNull();
    expect(decodeProgress(progressMessage({}, {}, { timestamp: null })).meta.timestamp).toBeNull();
  });

  it.each(['soon', '17e11', '-5', '', true, {}])('reject %j with a reason', (timestamp) => {
    expect(reasonFor(EVENTS, progressMessage({}, {}, { timestamp }))).toMatch(
      /^envelope: timestamp must be a number of milliseconds or a string of digits/,
    );
  });
});

describe('sub_status', () => {
  it.each([
    [undefined, null, null],
    [null, null, null],
    ['', null, null],
    ['UPLOADING_DRONE', 'UPLOADING_DRONE', 'UPLOADING_DRONE'],
    ['FLASHING_BOOTLOADER', null, 'FLASHING_BOOTLOADER'],
  ])('%j -> %s (raw %s)', (sub_status, subStatus, raw) => {
    const decoded = decodeProgress(progressMessage({}, { sub_status }));
    expect(decoded.subStatus).toBe(subStatus);
    expect(decoded.subStatusRaw).toBe(raw);
  });

  it('a number in sub_status is read as none rather than losing the progress', () => {
    expect(decodeProgress(progressMessage({}, { sub_status: 7 })).subStatus).toBeNull();
  });
});

describe('percent, rate and result', () => {
  it.each([
    [-5, 0],
    [0, 0],
    [37.5, 37.5],
    [100, 100],
    [250, 100],
    [1e308, 100],
  ])('percent %d -> %d', (percent, expected) => {
    expect(decodeProgress(progressMessage({ percent })).percent).toBe(expected);
  });

  it('reads ext.rate in bytes/s, and ignores a rate that is not a number', () => {
    expect(decodeProgress(progressMessage({}, { ext: { rate: 1048576 } })).rate).toBe(1048576);
    expect(decodeProgress(progressMessage({}, { ext: { rate: 'fast' } })).rate).toBeNull();
    expect(decodeProgress(progressMessage({}, { ext: { rate: -1 } })).rate).toBeNull();
    expect(decodeProgress(progressMessage({}, { ext: 'x' })).rate).toBeNull();
  });

  it('treats a missing result as 0 and keeps failure in status', () => {
    const message = progressMessage({}, { status: 'failed' });
    delete (message.data as { result?: number }).result;
    expect(decodeProgress(message)).toMatchObject({ result: 0, status: 'failed' });
  });
});

describe('unknown extra fields are ignored', () => {
  it('at every level', () => {
    const message = progressMessage({ eta: 12 }, { vendor: { x: 1 } }, { version: 2, source: 'autel', extra: [1, 2] });
    (message.data as Record<string, unknown>).debug = 'yes';
    expect(decodeProgress(message)).toMatchObject({ status: 'in_progress', percent: 40, step: null });
  });
});

describe('envelope', () => {
  it('uses a valid envelope gateway, else the topic SN', () => {
    expect(decodeProgress(progressMessage({}, {}, { gateway: 'OTHER_GW' })).meta.gateway).toBe('OTHER_GW');
    expect(decodeProgress(progressMessage({}, {}, { gateway: 'bad/gw' })).meta.gateway).toBe('DOCK1');
    expect(decodeProgress(progressMessage({}, {}, { gateway: 5 })).meta.gateway).toBe('DOCK1');
  });

  it('keeps numeric ids as their text', () => {
    expect(decodeProgress(progressMessage({}, {}, { bid: 149878685687 })).meta.bid).toBe('149878685687');
  });

  it.each([
    [1, true],
    [true, true],
    ['1', true],
    [0, false],
    ['yes', false],
    [undefined, false],
  ])('need_reply %j -> %s', (need_reply, expected) => {
    expect(decodeProgress(progressMessage({}, {}, { need_reply })).meta.needReply).toBe(expected);
  });
});

describe('reasons support staff see', () => {
  it.each([
    [progressMessage({ percent: '50' }), 'ota_progress: data.output.progress.percent must be a number (got "50")'],
    [progressMessage({ percent: undefined }), null],
    [
      progressMessage({}, { status: 'done' }),
      'ota_progress: data.output.status must be one of "sent", "in_progress", "paused", "ok", "failed", "rejected", "canceled", "timeout" (got "done")',
    ],
    [progressMessage({}, { progress: undefined }), null],
    [{ ...progressMessage({}), data: [] }, 'ota_progress: data must be an object (got an array)'],
    [{ ...progressMessage({}), data: undefined }, 'envelope: data is missing'],
    [{ ...progressMessage({}), tid: {} }, 'envelope: tid must be a string (got an object)'],
    [{ ...progressMessage({}), method: 7 }, 'envelope: method must be a string (got 7)'],
    [
      { ...progressMessage({}), method: undefined },
      'envelope: method is missing (events messages need one); its bid "b-1" is no upgrade this console knows',
    ],
    [progressMessage({}, { status: 'ok', progress: { percent: 1 }, sub_status: 1 }), null],
  ])('%#', (message, reason) => {
    if (reason === null) expect(decode(EVENTS, JSON.stringify(message)).kind).toBe('ota_progress');
    else expect(reasonFor(EVENTS, message)).toBe(reason);
  });

  it('ota_create with an unsafe SN inside data is rejected, naming the device', () => {
    const message = {
      tid: 't',
      bid: 'b',
      timestamp: 1,
      method: 'ota_create',
      data: {
        devices: [
          { sn: 'A/B', product_version: '1', file_url: 'http://h/f', md5: 'x', file_size: 1, file_name: 'f', firmware_upgrade_type: 3 },
        ],
      },
    };
    expect(reasonFor('thing/product/DOCK1/services', message)).toBe(
      `ota_create: data.devices[0].sn is not a valid SN: SN contains '/' (it has a special meaning in MQTT topics); only letters, digits, '-' and '_' are allowed (got "A/B")`,
    );
  });

  it('ota_create with an undocumented upgrade type or three devices is rejected', () => {
    const device = {
      sn: 'D1',
      product_version: '1',
      file_url: 'http://h/f',
      md5: 'D1C9DACEC124ABD350379EB44B9143E5',
      file_size: 1,
      file_name: 'f',
      firmware_upgrade_type: 3,
    };
    const base = { tid: 't', bid: 'b', timestamp: 1, method: 'ota_create' };
    const services = 'thing/product/DOCK1/services';
    expect(reasonFor(services, { ...base, data: { devices: [{ ...device, firmware_upgrade_type: 1 }] } })).toBe(
      'ota_create: data.devices[0].firmware_upgrade_type must be one of 2, 3, 4 (got 1)',
    );
    expect(reasonFor(services, { ...base, data: { devices: [device, device, device] } })).toBe(
      'ota_create: data.devices must have at most 2 items',
    );
    expect(reasonFor(services, { ...base, data: { devices: [] } })).toBe('ota_create: data.devices must have at least 1 item');
    const ok = decode(services, JSON.stringify({ ...base, data: { devices: [device] } }));
    expect(ok.kind === 'ota_create' && ok.devices[0]!.md5).toBe('d1c9dacec124abd350379eb44b9143e5');
  });

  it('update_topo: older `version`, numeric domain, missing sub_devices, and a bad sub-device SN', () => {
    const base = { tid: 't', bid: 'b', timestamp: 1, method: 'update_topo' };
    const status = 'sys/product/DOCK1/status';
    const older = decode(
      status,
      JSON.stringify({
        ...base,
        data: {
          domain: 3,
          type: 1,
          sub_type: 0,
          version: '1.0.0',
          sub_devices: [{ sn: 'AC1', domain: 0, type: 67, sub_type: 0, index: 1 }],
        },
      }),
    );
    expect(older).toMatchObject({
      kind: 'update_topo',
      gateway: { domain: '3', modelKey: '3-1-0', thingVersion: '1.0.0' },
      subDevices: [{ sn: 'AC1', modelKey: '0-67-0', index: '1' }],
    });
    expect(decode(status, JSON.stringify({ ...base, data: { domain: '3', type: 3, sub_type: 0 } }))).toMatchObject({
      kind: 'update_topo',
      subDevices: [],
    });
    expect(
      reasonFor(status, {
        ...base,
        data: { domain: '3', type: 1, sub_type: 0, sub_devices: [{ sn: '', domain: '0', type: 67, sub_type: 0 }] },
      }),
    ).toBe('update_topo: data.sub_devices[0].sn is not a valid SN: SN is empty (got "")');
    expect(reasonFor(status, { ...base, data: { domain: 'dock', type: 1, sub_type: 0 } })).toBe(
      'update_topo: data.domain must be a domain number such as "3" (got "dock")',
    );
  });

  it('state: strict about the firmware properties it reads', () => {
    const state = 'thing/product/DOCK1/state';
    expect(reasonFor(state, { data: { firmware_version: 10 } })).toBe('state: data.firmware_version must be a string (got 10)');
    expect(reasonFor(state, { data: { firmware_version: 'v'.repeat(65) } })).toMatch(
      /^state: data.firmware_version is not a valid firmware version: version is 65 characters long/,
    );
    expect(reasonFor(state, { data: { compatible_status: 2 } })).toBe('state: data.compatible_status must be one of 0, 1 (got 2)');
    expect(decode(state, JSON.stringify({ data: { firmware_upgrade_status: 1 } }))).toMatchObject({
      kind: 'state',
      firmwareUpgradeStatus: 1,
    });
  });
});

describe('ignored messages', () => {
  it.each([
    ['thing/product/DOCK1/events', { method: 'hms', data: { list: [] } }, 'events method "hms" is not handled'],
    ['thing/product/DOCK1/services', { method: 'flighttask_prepare', data: {} }, 'services method "flighttask_prepare" is not handled'],
    [
      'thing/product/DOCK1/services_reply',
      { method: 'cover_open', data: { result: 0 } },
      'services_reply method "cover_open" is not handled',
    ],
    ['sys/product/DOCK1/status', { method: 'toString', data: {} }, 'status method "toString" is not handled'],
    [
      'thing/product/DOCK1/events_reply',
      { method: 'ota_progress', data: { result: 0 } },
      "events_reply is the cloud's answer to a device; nothing to read",
    ],
    [
      'sys/product/DOCK1/status_reply',
      { method: 'update_topo', data: { result: 0 } },
      "status_reply is the cloud's answer to a device; nothing to read",
    ],
    ['thing/product/DOCK1/state', { data: { capacity_percent: 80 } }, 'state carries no firmware properties'],
  ])('%s %j', (topic, message, reason) => {
    expect(decode(topic, JSON.stringify(message))).toMatchObject({ kind: 'ignored', reason });
  });

  it('keeps need_reply on an ignored event so it can still be answered', () => {
    const decoded = decode('thing/product/DOCK1/events', JSON.stringify({ tid: 't', bid: 'b', method: 'hms', need_reply: 1, data: {} }));
    expect(decoded).toMatchObject({ kind: 'ignored', meta: { needReply: true, tid: 't', bid: 'b', method: 'hms' } });
  });

  it('services_reply: a status that is missing or unknown does not hide the result code', () => {
    const reply = 'thing/product/DOCK1/services_reply';
    expect(decode(reply, JSON.stringify({ method: 'ota_create', data: { result: 312014 } }))).toMatchObject({
      kind: 'ota_create_reply',
      result: 312014,
      status: null,
    });
    expect(decode(reply, JSON.stringify({ method: 'ota_create', data: { result: 0, output: { status: 'queued' } } }))).toMatchObject({
      status: null,
    });
    expect(reasonFor(reply, { method: 'ota_create', data: { output: { status: 'sent' } } })).toBe(
      'ota_create reply: data.result is missing',
    );
  });
});
