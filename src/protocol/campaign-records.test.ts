import { describe, expect, it } from 'vitest';
import {
  CAMPAIGN_FORMAT_VERSION,
  encodeRecord,
  MAX_RECORD_BYTES,
  readCampaignRecord,
  RecordTooLargeError,
  type CampaignGatewayRecord,
  type CampaignHeaderRecord,
} from './campaign-records.ts';

const NS = 'ota-console/v1';

const header: CampaignHeaderRecord = {
  v: CAMPAIGN_FORMAT_VERSION,
  id: 'c-1',
  name: 'Dock 2 → 10.1',
  createdBy: 'ops-laptop',
  createdAt: 1000,
  firmware: [{ id: 'fw-1', productVersion: '10.1', fileName: 'dock.bin' }],
  options: { maxParallel: 2, pauseAfterFailures: { count: 1 }, canarySize: null },
  state: 'running',
  pausedReason: null,
  finishedAt: null,
  counters: { gateways: 1, active: 0, succeeded: 0, failed: 0, skipped: 0, failuresBeforeResume: 0, canaryDone: true },
  updatedAt: 1000,
};

const gateway: CampaignGatewayRecord = {
  v: CAMPAIGN_FORMAT_VERSION,
  campaignId: 'c-1',
  gateway: 'DOCK1',
  index: 0,
  devices: [
    {
      sn: 'DOCK1',
      product_version: '10.1',
      file_url: 'https://fw/d.bin',
      md5: 'abc',
      file_size: 10,
      file_name: 'd.bin',
      firmware_upgrade_type: 3,
    },
  ],
  deviceInfo: [{ sn: 'DOCK1', modelKey: '3-2-0', fromVersion: '10.0' }],
  attempts: [
    {
      bid: 'b1',
      tid: 't1',
      timestamp: 5,
      attempt: 1,
      createdAt: 5,
      publishedAt: null,
      outcome: null,
      lastState: 'queued',
      resultText: null,
      finishedAt: null,
    },
  ],
  retryRequested: false,
  skippedReason: null,
  updatedAt: 5,
};

describe('readCampaignRecord', () => {
  it('reads a header and a gateway record written by this format', () => {
    expect(readCampaignRecord(NS, `${NS}/campaigns/c-1`, JSON.stringify(header))).toEqual({
      ok: true,
      record: { type: 'header', id: 'c-1', header },
    });
    expect(readCampaignRecord(NS, `${NS}/campaigns/c-1/gateways/DOCK1`, JSON.stringify(gateway))).toEqual({
      ok: true,
      record: { type: 'gateway', id: 'c-1', sn: 'DOCK1', gateway },
    });
  });

  it('reports an empty message as a cleared record', () => {
    expect(readCampaignRecord(NS, `${NS}/campaigns/c-1/lease`, '')).toEqual({
      ok: true,
      record: { type: 'cleared', topic: { kind: 'lease', id: 'c-1' } },
    });
  });

  it('reports a newer format as such, with the name of a header', () => {
    const result = readCampaignRecord(NS, `${NS}/campaigns/c-1`, JSON.stringify({ v: 7, name: 'future', whatever: [1] }));
    expect(result).toEqual({ ok: true, record: { type: 'newer', topic: { kind: 'header', id: 'c-1' }, v: 7, name: 'future' } });
  });

  it('refuses hostile and malformed records with a reason', () => {
    const at = (topic: string, body: string) => readCampaignRecord(NS, topic, body);
    expect(at(`${NS}/campaigns/c-1`, '{"v":1,"__proto__":{"polluted":true}}')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/__proto__/),
    });
    expect(at(`${NS}/campaigns/c-1`, '{"v":1,"x":{"constructor":{"prototype":1}}}')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/constructor|prototype/),
    });
    expect(at(`${NS}/campaigns/c-1`, 'not json')).toMatchObject({ ok: false, reason: expect.stringMatching(/not valid JSON/) });
    expect(at(`${NS}/campaigns/c-1`, '[1]')).toMatchObject({ ok: false, reason: expect.stringMatching(/not a JSON object/) });
    expect(at(`${NS}/campaigns/c-1`, JSON.stringify({ ...header, state: 'exploded' }))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/state/),
    });
    expect(at(`${NS}/campaigns/c-2`, JSON.stringify(header))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/differs from the topic/),
    });
    expect(at(`${NS}/campaigns/c-1/gateways/DOCK2`, JSON.stringify(gateway))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/differs/),
    });
    const slashSn = { ...gateway, devices: [{ ...gateway.devices[0], sn: 'A/B' }] };
    expect(at(`${NS}/campaigns/c-1/gateways/DOCK1`, JSON.stringify(slashSn))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/SN/),
    });
    expect(at(`${NS}/campaigns/c-1/gateways/A+B`, JSON.stringify(gateway))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/SN is not valid/),
    });
    const huge = 'x'.repeat(MAX_RECORD_BYTES + 1);
    expect(at(`${NS}/campaigns/c-1`, huge)).toMatchObject({ ok: false, reason: expect.stringMatching(/limit is 65536 bytes/) });
    expect(at(`${NS}/campaigns/c-1`, `${'['.repeat(40)}${']'.repeat(40)}`)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/nests deeper/),
    });
  });

  it('reads leases, commands, presence and probes', () => {
    const lease = { v: 1, campaignId: 'c-1', clientId: 'ota-operator-a', label: 'A', renewedAt: 1, expiresAt: 31 };
    expect(readCampaignRecord(NS, `${NS}/campaigns/c-1/lease`, JSON.stringify(lease))).toMatchObject({
      ok: true,
      record: { type: 'lease', lease },
    });
    const command = {
      v: 1,
      commandId: 'k1',
      campaignId: 'c-1',
      command: 'retry-gateway',
      gateway: 'DOCK1',
      from: { clientId: 'b', label: 'B' },
      at: 3,
    };
    expect(readCampaignRecord(NS, `${NS}/campaigns/c-1/commands`, JSON.stringify(command))).toMatchObject({
      ok: true,
      record: { type: 'command', command },
    });
    const presence = { v: 1, clientId: 'ota-operator-a', label: 'A', state: 'online', since: 1 };
    expect(readCampaignRecord(NS, `${NS}/drivers/ota-operator-a`, JSON.stringify(presence))).toMatchObject({
      ok: true,
      record: { type: 'driver', presence },
    });
    const probe = { v: 1, clientId: 'x', nonce: 'n', at: 1 };
    expect(readCampaignRecord(NS, `${NS}/probe/x`, JSON.stringify(probe))).toMatchObject({ ok: true, record: { type: 'probe', probe } });
  });
});

describe('encodeRecord', () => {
  it('refuses a record above 64 KiB, naming its size', () => {
    expect(encodeRecord('t', header)).toBe(JSON.stringify(header));
    const big = { ...header, name: 'é'.repeat(MAX_RECORD_BYTES) };
    expect(() => encodeRecord('t', big)).toThrow(RecordTooLargeError);
    expect(() => encodeRecord('t', big)).toThrow(/limited to 65536 bytes/);
  });
});
