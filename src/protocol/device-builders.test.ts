/** The device-side builders the simulator uses: every one decodes back to what it was given. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decode } from './decode.ts';
import { buildOsd, buildOtaProgress, buildServicesReply, buildState, buildUpdateTopo, type StepStyle } from './device-builders.ts';
import { InvalidSnError } from './sn.ts';
import { STEP_KEYS, SUB_STATUSES, TASK_STATUSES } from './status.ts';
import { counterIds } from './protocol-test-kit.ts';
import { eventsTopic, osdTopic, servicesReplyTopic, stateTopic, statusTopic } from './topics.ts';

const STYLES: StepStyle[] = ['step_key', 'current_step', 'current_step_number', 'step', 'step_and_key'];

describe('buildOtaProgress', () => {
  it.each(STYLES)('round trips the step written as %s', (stepStyle) => {
    for (const step of STEP_KEYS) {
      const message = buildOtaProgress({ bid: 'B1', status: 'in_progress', percent: 42, step, stepStyle }, counterIds());
      expect(decode(eventsTopic('DOCK1'), JSON.stringify(message))).toMatchObject({ kind: 'ota_progress', step, percent: 42 });
    }
  });

  it('writes the wire spellings', () => {
    const progress = (stepStyle: StepStyle) =>
      buildOtaProgress({ bid: 'B', status: 'in_progress', percent: 5, step: 'upgrade_firmware', stepStyle }, counterIds()).data.output
        .progress;
    expect(progress('step_key')).toEqual({ percent: 5, step_key: 'upgrade_firmware' });
    expect(progress('current_step')).toEqual({ percent: 5, current_step: 'upgrade_firmware' });
    expect(progress('current_step_number')).toEqual({ percent: 5, current_step: 2 });
    expect(progress('step')).toEqual({ percent: 5, step: 2 });
    expect(progress('step_and_key')).toEqual({ percent: 5, step: 2, step_key: 'upgrade_firmware' });
  });

  it('round trips every field for any valid input', () => {
    const input = fc.record({
      status: fc.constantFrom(...TASK_STATUSES),
      percent: fc.integer({ min: 0, max: 100 }),
      subStatus: fc.constantFrom(...SUB_STATUSES, '' as const, null),
      step: fc.constantFrom(...STEP_KEYS, null),
      stepStyle: fc.constantFrom(...STYLES),
      rate: fc.option(fc.integer({ min: 0, max: 1e9 }), { nil: null }),
      result: fc.constantFrom(0, 312014),
      needReply: fc.boolean(),
    });
    fc.assert(
      fc.property(input, (i) => {
        const message = buildOtaProgress({ ...i, bid: 'bid-1', gateway: 'GW_1' }, counterIds());
        expect(decode(eventsTopic('GW_1'), JSON.stringify(message))).toMatchObject({
          kind: 'ota_progress',
          status: i.status,
          percent: i.percent,
          subStatus: i.subStatus === '' ? null : i.subStatus,
          step: i.step,
          rate: i.rate,
          result: i.result,
          meta: { bid: 'bid-1', tid: message.tid, gateway: 'GW_1', needReply: i.needReply, timestamp: message.timestamp },
        });
      }),
      { numRuns: 200 },
    );
  });

  it.each([
    [{ percent: 101 }, 'ota_progress: percent must be 0..100'],
    [{ percent: Number.NaN }, 'ota_progress: percent must be 0..100'],
    [{ status: 'done' }, 'ota_progress: status done is not a task status'],
    [{ subStatus: 'NOPE' }, 'ota_progress: sub_status NOPE is not defined'],
    [{ rate: -1 }, 'ota_progress: rate must be a number >= 0'],
    [{ bid: '' }, 'ota_progress: bid must be non-empty text'],
    [{ result: 0.5 }, 'ota_progress: result must be an integer'],
  ])('refuses %j', (change, message) => {
    expect(() => buildOtaProgress({ bid: 'B', status: 'sent', percent: 0, ...change } as Parameters<typeof buildOtaProgress>[0])).toThrow(
      message,
    );
  });

  it('refuses an unsafe gateway', () => {
    expect(() => buildOtaProgress({ bid: 'B', status: 'sent', percent: 0, gateway: 'a+b' })).toThrow(InvalidSnError);
  });
});

describe('buildServicesReply', () => {
  it('accepts with status sent by default and round trips', () => {
    const reply = buildServicesReply({ tid: 'T', bid: 'B' }, counterIds(77));
    expect(reply).toEqual({ tid: 'T', bid: 'B', timestamp: 77, method: 'ota_create', data: { result: 0, output: { status: 'sent' } } });
    expect(decode(servicesReplyTopic('DOCK1'), JSON.stringify(reply))).toMatchObject({
      kind: 'ota_create_reply',
      result: 0,
      status: 'sent',
      meta: { tid: 'T', bid: 'B' },
    });
  });

  it('rejects with a result code and status rejected by default', () => {
    const reply = buildServicesReply({ tid: 'T', bid: 'B', result: 312014 }, counterIds());
    expect(decode(servicesReplyTopic('DOCK1'), JSON.stringify(reply))).toMatchObject({
      kind: 'ota_create_reply',
      result: 312014,
      status: 'rejected',
    });
  });

  it('refuses a missing tid', () => {
    expect(() => buildServicesReply({ tid: '', bid: 'B' })).toThrow('services_reply: tid must be non-empty text');
  });
});

describe('buildUpdateTopo', () => {
  const input = {
    gatewaySn: 'DOCK1',
    domain: 3,
    type: 2,
    subType: 0,
    thingVersion: '1.1.2',
    subDevices: [{ sn: 'AC1', domain: '0', type: 91, subType: 1, index: 'A', thingVersion: '1.1.2' }],
  };

  it.each(['thing_version', 'version'] as const)('round trips with the version in %s', (versionField) => {
    const message = buildUpdateTopo({ ...input, versionField }, counterIds());
    expect(message.data[versionField]).toBe('1.1.2');
    expect(message.data.domain).toBe('3');
    expect(decode(statusTopic('DOCK1'), JSON.stringify(message))).toEqual({
      kind: 'update_topo',
      meta: expect.objectContaining({ method: 'update_topo', tid: message.tid }),
      gateway: { sn: 'DOCK1', domain: '3', type: 2, subType: 0, modelKey: '3-2-0', thingVersion: '1.1.2' },
      subDevices: [{ sn: 'AC1', domain: '0', type: 91, subType: 1, modelKey: '0-91-1', index: 'A', thingVersion: '1.1.2' }],
    });
  });

  it('round trips a dock with no aircraft', () => {
    const message = buildUpdateTopo({ ...input, subDevices: [] }, counterIds());
    expect(decode(statusTopic('DOCK1'), JSON.stringify(message))).toMatchObject({ kind: 'update_topo', subDevices: [] });
  });

  it('refuses unsafe SNs and bad model numbers', () => {
    expect(() => buildUpdateTopo({ ...input, gatewaySn: 'DOCK 1' })).toThrow(InvalidSnError);
    expect(() => buildUpdateTopo({ ...input, subDevices: [{ ...input.subDevices[0]!, sn: '#' }] })).toThrow(InvalidSnError);
    expect(() => buildUpdateTopo({ ...input, type: -1 })).toThrow('update_topo: type must be an integer >= 0');
    expect(() => buildUpdateTopo({ ...input, domain: 'dock' })).toThrow('update_topo: domain dock must be a number such as "3"');
  });
});

describe('buildState and buildOsd', () => {
  it('round trip the firmware properties', () => {
    const message = buildState(
      { gateway: 'DOCK1', firmwareVersion: '10.01.3205', compatibleStatus: 1, firmwareUpgradeStatus: 0 },
      counterIds(),
    );
    expect(message.data).toEqual({ firmware_version: '10.01.3205', compatible_status: 1, firmware_upgrade_status: 0 });
    expect(decode(stateTopic('AC1'), JSON.stringify(message))).toMatchObject({
      kind: 'state',
      deviceSn: 'AC1',
      firmwareVersion: '10.01.3205',
      compatibleStatus: 1,
      firmwareUpgradeStatus: 0,
      meta: { gateway: 'DOCK1' },
    });
  });

  it('refuses an empty or malformed state', () => {
    expect(() => buildState({ gateway: 'DOCK1' })).toThrow('state: at least one property is needed');
    expect(() => buildState({ gateway: 'DOCK1', firmwareVersion: 'a\nb' })).toThrow(
      'state: firmware_version: version contains an unprintable character',
    );
    expect(() => buildState({ gateway: 'DOCK1', compatibleStatus: 2 as 0 })).toThrow('state: compatible_status must be 0 or 1');
  });

  it('osd round trips mode_code', () => {
    const message = buildOsd({ gateway: 'DOCK1', modeCode: 13 }, counterIds());
    expect(decode(osdTopic('AC1'), JSON.stringify(message))).toMatchObject({
      kind: 'osd',
      deviceSn: 'AC1',
      modeCode: 13,
      meta: { gateway: 'DOCK1' },
    });
    expect(() => buildOsd({ gateway: 'DOCK1', modeCode: -3 })).toThrow('osd: mode_code must be an integer >= 0');
  });
});
