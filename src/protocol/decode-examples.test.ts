/** Every documented example payload (examples.ts), decoded to the values a user would see. */
import { describe, expect, it } from 'vitest';
import { decode } from './decode.ts';
import { PROTOCOL_STATE, SEED_OTA_CREATE, SEED_OTA_PROGRESS, SEED_SERVICES_REPLY } from './examples.ts';
import { encoder } from './protocol-test-kit.ts';

describe("Autel's documented examples", () => {
  it('ota_progress: a failed download', () => {
    const topic = 'thing/product/NM1923221021/events';
    const decoded = decode(topic, encoder.encode(SEED_OTA_PROGRESS));
    expect(decoded).toMatchObject({
      kind: 'ota_progress',
      result: 0,
      status: 'failed',
      subStatus: 'DOWNLOAD_FAILED',
      subStatusRaw: 'DOWNLOAD_FAILED',
      step: 'download_firmware',
      percent: 0,
      rate: null,
      meta: {
        topic,
        family: 'events',
        sn: 'NM1923221021',
        gateway: 'NM1923221021',
        tid: '74045eba-bd24-4106-b455-d3577f3cbf52',
        bid: '8ca0ffa2-5e72-4078-8fa9-dc68216ff5d1',
        timestamp: 1707048089244,
        method: 'ota_progress',
        needReply: false,
        size: encoder.encode(SEED_OTA_PROGRESS).byteLength,
      },
    });
  });

  it('ota_create, as another console would send it', () => {
    const decoded = decode('thing/product/NM1923221021/services', SEED_OTA_CREATE);
    expect(decoded.kind).toBe('ota_create');
    if (decoded.kind !== 'ota_create') return;
    expect(decoded.meta.bid).toBe('8ca0ffa2-5e72-4078-8fa9-dc68216ff5d1');
    expect(decoded.meta.timestamp).toBe(1654070968655);
    expect(decoded.devices).toEqual([
      {
        sn: 'NM1923221021',
        product_version: '1.2.0.69',
        file_url: 'http://192.168.1.1:9000/public/EvoNest-V1.2.0.69-20231215094829.Encrypt.uav',
        md5: 'd1c9dacec124abd350379eb44b9143e5',
        file_size: 603696942,
        file_name: 'EvoNest-V1.2.0.69-20231215094829.Encrypt.uav',
        firmware_upgrade_type: 3,
      },
    ]);
  });

  it('services_reply carrying progress and an empty sub_status', () => {
    const decoded = decode('thing/product/NM1923221021/services_reply', SEED_SERVICES_REPLY);
    expect(decoded).toMatchObject({
      kind: 'ota_create_reply',
      result: 0,
      status: 'sent',
      meta: { tid: '5bdd5c11-469c-45d9-afce-d9ec3025f379', bid: '149878685687484417', timestamp: 1708573102118, method: 'ota_create' },
    });
  });

  it('keeps the payload text as received for the raw log', () => {
    const decoded = decode('thing/product/NM1923221021/services_reply', SEED_SERVICES_REPLY);
    expect(decoded.kind === 'invalid' || decoded.kind === 'campaign_record' ? null : decoded.meta.text).toBe(SEED_SERVICES_REPLY);
    const bytes = decode('thing/product/NM1923221021/services_reply', new TextEncoder().encode(SEED_SERVICES_REPLY));
    expect(bytes.kind === 'invalid' || bytes.kind === 'campaign_record' ? null : bytes.meta.text).toBe(SEED_SERVICES_REPLY);
  });

  it('the services_reply body read as an ota_progress event: empty step_key falls back to step 1', () => {
    const body = { ...JSON.parse(SEED_SERVICES_REPLY), method: 'ota_progress' };
    const decoded = decode('thing/product/NM1923221021/events', JSON.stringify(body));
    expect(decoded).toMatchObject({
      kind: 'ota_progress',
      status: 'sent',
      subStatus: null,
      subStatusRaw: null,
      step: 'download_firmware',
      percent: 0,
    });
  });
});

describe('DJI Cloud API examples', () => {
  it('state: firmware version and both flags', () => {
    const decoded = decode('thing/product/DOCK1/state', PROTOCOL_STATE);
    expect(decoded).toMatchObject({
      kind: 'state',
      deviceSn: 'DOCK1',
      firmwareVersion: '10.01.3205',
      compatibleStatus: 0,
      firmwareUpgradeStatus: 0,
      meta: { gateway: 'DOCK1', tid: null, bid: null, timestamp: null, method: null },
    });
  });

  it('state of an aircraft names its gateway from the envelope', () => {
    const decoded = decode('thing/product/AIRCRAFT1/state', PROTOCOL_STATE);
    expect(decoded).toMatchObject({ kind: 'state', deviceSn: 'AIRCRAFT1', meta: { sn: 'AIRCRAFT1', gateway: 'DOCK1' } });
  });

  it('update_topo with a dock, its aircraft and the fields described', () => {
    const payload = {
      tid: 't1',
      bid: 'b1',
      timestamp: 1700000000000,
      method: 'update_topo',
      data: {
        domain: '3',
        type: 2,
        sub_type: 0,
        device_secret: 'secret',
        nonce: 'nonce',
        thing_version: '1.1.2',
        sub_devices: [
          {
            sn: '1581F5BMD228Q00A82XX',
            domain: '0',
            type: 91,
            sub_type: 1,
            index: 'A',
            device_secret: 's',
            nonce: 'n',
            thing_version: '1.1.2',
          },
        ],
      },
    };
    const decoded = decode('sys/product/4TADKAQ000002J/status', JSON.stringify(payload));
    expect(decoded).toMatchObject({
      kind: 'update_topo',
      gateway: { sn: '4TADKAQ000002J', domain: '3', type: 2, subType: 0, modelKey: '3-2-0', thingVersion: '1.1.2' },
      subDevices: [
        { sn: '1581F5BMD228Q00A82XX', domain: '0', type: 91, subType: 1, modelKey: '0-91-1', index: 'A', thingVersion: '1.1.2' },
      ],
    });
  });

  it('update_topo with empty sub_devices: the aircraft is offline', () => {
    const payload = {
      tid: 't',
      bid: 'b',
      timestamp: 1,
      method: 'update_topo',
      data: { domain: '3', type: 1, sub_type: 0, sub_devices: [] },
    };
    const decoded = decode('sys/product/DOCK1/status', JSON.stringify(payload));
    expect(decoded).toMatchObject({ kind: 'update_topo', gateway: { modelKey: '3-1-0' }, subDevices: [] });
  });

  it('osd: dock mode_code 3 means upgrading', () => {
    const decoded = decode(
      'thing/product/DOCK1/osd',
      JSON.stringify({ tid: 't', bid: 'b', timestamp: 1, gateway: 'DOCK1', data: { mode_code: 3, temperature: 21 } }),
    );
    expect(decoded).toMatchObject({ kind: 'osd', deviceSn: 'DOCK1', modeCode: 3 });
  });

  it('an event with need_reply = 1 asks for an answer', () => {
    const payload = { ...JSON.parse(SEED_OTA_PROGRESS), need_reply: 1 };
    const decoded = decode('thing/product/NM1923221021/events', JSON.stringify(payload));
    expect(decoded.kind === 'ota_progress' && decoded.meta.needReply).toBe(true);
  });
});
