import { describe, expect, it } from 'vitest';
import { CAMPAIGN_FORMAT_VERSION, readCampaignRecord, type CampaignHeaderRecord } from '../protocol/campaign-records.ts';
import { englishText, renderMessage } from '../ui/i18n/message.ts';
import { newCampaign } from './campaign-actions.ts';
import { automaticName, englishAutomaticName, isNameGiven, legacyAutomaticName, nameForPlan } from './campaign-name.ts';
import { campaignSchema } from './campaign-record-schema.ts';
import { automaticNameMessage, campaignNameMessage } from './campaign-texts.ts';
import { makePlan } from './campaign-test-kit.ts';
import type { CampaignFirmware } from './campaign-types.ts';
import { campaignFromRecords, gatewayRecord, headerRecord } from './campaign-wire.ts';

const DOCK2: CampaignFirmware = { id: 'd', productVersion: '10.02.0104', fileName: 'd.bin', model: '3-2-0' };
const M3D: CampaignFirmware = { id: 'm', productVersion: '09.00.0108', fileName: 'm.bin', model: '0-91-0' };
const ODD: CampaignFirmware = { id: 'o', productVersion: '1.0', fileName: 'o.bin', model: '9-9-9' };
const BARE: CampaignFirmware = { id: 'b', productVersion: '2.0', fileName: 'b.bin' };

const zh = (text: Parameters<typeof englishText>[0]) => (typeof text === 'string' ? text : renderMessage(text, 'zh-CN'));

describe('automatic campaign names', () => {
  it('name the product and version, then the gateway count', () => {
    expect(englishAutomaticName(automaticName([DOCK2], 10))).toBe('DJI Dock 2 → 10.02.0104, 10 gateways');
    expect(englishAutomaticName(automaticName([DOCK2, M3D], 1))).toBe('DJI Dock 2 → 10.02.0104 and Mavic 3D → 09.00.0108, 1 gateway');
    expect(englishAutomaticName(automaticName([DOCK2, M3D, BARE, ODD], 3))).toBe(
      'DJI Dock 2 → 10.02.0104, Mavic 3D → 09.00.0108 and 2 more, 3 gateways',
    );
    expect(englishAutomaticName(automaticName([BARE], 2))).toBe('2.0, 2 gateways');
    expect(englishAutomaticName(automaticName([], 2))).toBe('Upgrade, 2 gateways');
  });

  it('read the same on screen in English as stored, and in Chinese', () => {
    for (const firmware of [[DOCK2], [DOCK2, M3D], [DOCK2, M3D, BARE, ODD], [BARE], []]) {
      expect(englishText(automaticNameMessage(firmware, 4))).toBe(englishAutomaticName(automaticName(firmware, 4)));
    }
    expect(zh(automaticNameMessage([DOCK2], 10))).toBe('DJI Dock 2 → 10.02.0104（10 个网关）');
  });
});

describe('the operator’s campaign name', () => {
  it('is kept when given (trimmed), else the automatic one is stored and marked as such', () => {
    expect(nameForPlan({ ...makePlan(2), name: '  Spring update ' })).toEqual({ name: 'Spring update', nameGiven: true });
    expect(nameForPlan({ ...makePlan(2), name: '   ' })).toEqual({ name: 'DJI Dock → 10.1.0, 2 gateways', nameGiven: false });
    expect(nameForPlan(makePlan(1))).toEqual({ name: 'DJI Dock → 10.1.0, 1 gateway', nameGiven: false });
    const campaign = newCampaign({ ...makePlan(3), name: 'Night batch' }, 'c1', 1000);
    expect(campaign).toMatchObject({ name: 'Night batch', nameGiven: true });
    expect(englishText(campaignNameMessage(campaign))).toBe('Night batch');
    expect(zh(campaignNameMessage(campaign))).toBe('Night batch');
  });

  it('an automatic name is worded in the reader’s language', () => {
    const campaign = newCampaign(makePlan(3), 'c1', 1000);
    expect(zh(campaignNameMessage(campaign))).toBe('DJI Dock → 10.1.0（3 个网关）');
  });

  it('goes through the broker records and the browser cache', () => {
    const given = newCampaign({ ...makePlan(2), name: 'Night batch' }, 'c1', 1000);
    const header = headerRecord(given, 'ops');
    expect(header).toMatchObject({ name: 'Night batch', nameGiven: true });
    expect(campaignFromRecords(header, [])).toMatchObject({ name: 'Night batch', nameGiven: true });
    expect(campaignSchema.parse(given)).toMatchObject({ nameGiven: true });
    const read = readCampaignRecord('ns', 'ns/campaigns/c1', JSON.stringify(header));
    expect(read.ok && read.record.type === 'header' && read.record.header.nameGiven).toBe(true);
    expect(readCampaignRecord('ns', 'ns/campaigns/c1', JSON.stringify({ ...header, nameGiven: 'yes' })).ok).toBe(false);
  });

  it('reads records of older builds, which have no nameGiven: their automatic name is recognised', () => {
    const older = newCampaign(makePlan(4), 'c1', 1000);
    delete older.nameGiven;
    expect(isNameGiven({ ...older, name: legacyAutomaticName(older) })).toBe(false);
    expect(isNameGiven({ ...older, name: 'Dock 2 spring update' })).toBe(true);
    const oldHeader: CampaignHeaderRecord = { ...headerRecord(older, 'ops'), v: CAMPAIGN_FORMAT_VERSION, name: '10.1.0 on 4 gateways' };
    expect('nameGiven' in oldHeader).toBe(false);
    const read = readCampaignRecord('ns', 'ns/campaigns/c1', JSON.stringify(oldHeader));
    expect(read.ok).toBe(true);
    const records = older.gateways.map((g, i) => gatewayRecord(older, g, i, 1000));
    // The older build's automatic name is worded anew; a name an operator gave stays.
    expect(englishText(campaignNameMessage(campaignFromRecords(oldHeader, records)))).toBe('DJI Dock → 10.1.0, 4 gateways');
    const named = campaignFromRecords({ ...oldHeader, name: 'Dock 2 spring update' }, records);
    expect(englishText(campaignNameMessage(named))).toBe('Dock 2 spring update');
  });
});
