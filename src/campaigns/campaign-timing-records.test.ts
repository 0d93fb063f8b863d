import { describe, expect, it } from 'vitest';
import { campaignGatewayTopic, campaignHeaderTopic } from '../protocol/campaign-topics.ts';
import { encodeRecord, readCampaignRecord, type CampaignGatewayRecord, type CampaignHeaderRecord } from '../protocol/campaign-records.ts';
import { newCampaign } from './campaign-actions.ts';
import { campaignFromRecord, campaignRecord } from './campaign-records.ts';
import { makePlan } from './campaign-test-kit.ts';
import type { Campaign } from './campaign-types.ts';
import { campaignFromRecords, gatewayRecord, headerRecord } from './campaign-wire.ts';

const NS = 'ota-console/v1';

function timed(): Campaign {
  const c = newCampaign(
    {
      ...makePlan(2),
      timing: {
        window: { days: [2, 4], start: '01:00', durationMinutes: 120, timeZone: 'Europe/Berlin' },
        notBefore: 1_800_000_000_000,
        idleGate: { enabled: true, allowUnknown: false },
      },
    },
    'c-timed',
    1_700_000_000_000,
  );
  return {
    ...c,
    waiting: { kind: 'docks', waiting: 1 },
    gateways: c.gateways.map((gw, i) =>
      i === 0 ? { ...gw, waiting: { kind: 'busy', device: gw.gateway, role: 'dock', activity: 'working', modeCode: 4 } } : gw,
    ),
  };
}

function viaBroker(c: Campaign): Campaign {
  const headerTopic = campaignHeaderTopic(NS, c.id);
  const header = readCampaignRecord(NS, headerTopic, encodeRecord(headerTopic, headerRecord(c, 'console')));
  if (!header.ok || header.record.type !== 'header') throw new Error(`header refused: ${JSON.stringify(header)}`);
  const gateways = c.gateways.map((gw, i) => {
    const topic = campaignGatewayTopic(NS, c.id, gw.gateway);
    const read = readCampaignRecord(NS, topic, encodeRecord(topic, gatewayRecord(c, gw, i, 1)));
    if (!read.ok || read.record.type !== 'gateway') throw new Error(`gateway refused: ${JSON.stringify(read)}`);
    return read.record.gateway;
  });
  return campaignFromRecords(header.record.header, gateways);
}

describe("the campaign's timing on the broker and in the browser cache", () => {
  it('keeps the window, start-not-before, idle gate and the waits through the broker records', () => {
    const c = timed();
    const back = viaBroker(c);
    expect(back.timing).toEqual(c.timing);
    expect(back.waiting).toEqual(c.waiting);
    expect(back.gateways[0]?.waiting).toEqual(c.gateways[0]?.waiting);
    expect(back.gateways[1]?.waiting ?? null).toBeNull();
  });

  it('keeps them through the IndexedDB record', () => {
    const c = timed();
    const back = campaignFromRecord(structuredClone(campaignRecord(c)));
    expect(back?.timing).toEqual(c.timing);
    expect(back?.gateways[0]?.waiting).toEqual(c.gateways[0]?.waiting);
  });

  it('reads records of older builds (no timing, no waits) as a campaign without window or gate', () => {
    const c = newCampaign(makePlan(1), 'c-old', 1);
    const back = viaBroker(c);
    expect(back.timing).toBeUndefined();
    expect(back.waiting ?? null).toBeNull();
    expect(campaignFromRecord(structuredClone(campaignRecord(c)))?.timing).toBeUndefined();
  });

  it('reads a wait a newer build words differently as no wait, without refusing the record', () => {
    const c = timed();
    const topic = campaignGatewayTopic(NS, c.id, c.gateways[0]?.gateway ?? '');
    const record = {
      ...gatewayRecord(c, c.gateways[0]!, 0, 1),
      waiting: { kind: 'busy', device: 'X', role: 'dock', activity: 'charging', modeCode: 9 },
    };
    const read = readCampaignRecord(NS, topic, JSON.stringify(record));
    expect(read.ok).toBe(true);
    expect(read.ok && read.record.type === 'gateway' ? (read.record.gateway as CampaignGatewayRecord).waiting : 'refused').toBeNull();
  });

  it('refuses a header whose timing does not read, naming the field (it must never be driven without it)', () => {
    const c = timed();
    const topic = campaignHeaderTopic(NS, c.id);
    const bad = {
      ...headerRecord(c, 'console'),
      timing: {
        window: { days: [9], start: '1am', durationMinutes: 0, timeZone: 'Europe/Berlin' },
        notBefore: null,
        idleGate: { enabled: true, allowUnknown: false },
      },
    };
    const read = readCampaignRecord(NS, topic, JSON.stringify(bad satisfies Omit<CampaignHeaderRecord, 'timing'> & { timing: unknown }));
    expect(read.ok).toBe(false);
    expect(!read.ok && read.reason).toMatch(/timing\.window/);
  });
});
