import { describe, expect, it } from 'vitest';
import type { CampaignRecord } from '../protocol/campaign-records.ts';
import { boardCampaigns, boardReduced, emptyBoard } from './campaign-board.ts';
import { leaseHolder, newLease } from './campaign-lease.ts';
import { makePlan } from './campaign-test-kit.ts';
import { newCampaign } from './campaign-actions.ts';
import { gatewayRecord, headerRecord } from './campaign-wire.ts';

const campaign = newCampaign(makePlan(3, { maxParallel: 2 }), 'c-1', 1_000);
const header: CampaignRecord = { type: 'header', id: 'c-1', header: headerRecord(campaign, 'ops') };
const gateways: CampaignRecord[] = campaign.gateways.map((gw, i) => ({
  type: 'gateway',
  id: 'c-1',
  sn: gw.gateway,
  gateway: gatewayRecord(campaign, gw, i, 1_000),
}));

describe('the campaign board', () => {
  it('assembles a campaign from its records in any order, complete once every gateway is in', () => {
    const partial = boardReduced(emptyBoard(), [gateways[2]!, header, gateways[0]!]);
    expect(boardCampaigns(partial)).toMatchObject([{ id: 'c-1', complete: false, campaign: null }]);
    const full = boardReduced(partial, [gateways[1]!]);
    const [view] = boardCampaigns(full);
    expect(view?.complete).toBe(true);
    expect(view?.campaign).toEqual({ ...campaign, createdBy: 'ops' });
    expect(boardReduced(full, [])).toBe(full);
  });

  it('forgets cleared records and marks a newer format read-only', () => {
    const full = boardReduced(emptyBoard(), [header, ...gateways]);
    const cleared = boardReduced(
      full,
      [...gateways, header].map((r) => ({
        type: 'cleared',
        topic: r.type === 'gateway' ? { kind: 'gateway', id: 'c-1', sn: r.sn } : { kind: 'header', id: 'c-1' },
      })),
    );
    expect(boardCampaigns(cleared)).toEqual([]);
    const newer = boardReduced(full, [{ type: 'newer', topic: { kind: 'header', id: 'c-1' }, v: 2, name: 'next' }]);
    expect(boardCampaigns(newer)).toMatchObject([{ newer: { v: 2, name: 'next' }, complete: false, campaign: null }]);
  });

  it('a lease is free when expired or when its driver is gone', () => {
    const lease: CampaignRecord = { type: 'lease', id: 'c-1', lease: newLease('c-1', 'drv', 'Ops', 1_000, 30_000) };
    const presence: CampaignRecord = {
      type: 'driver',
      clientId: 'drv',
      presence: { v: 1, clientId: 'drv', label: 'Ops', state: 'online', since: 1_000 },
    };
    const board = boardReduced(emptyBoard(), [header, lease, presence]);
    expect(leaseHolder(board, 'c-1', 2_000)).toEqual({ clientId: 'drv', label: 'Ops' });
    expect(leaseHolder(board, 'c-1', 31_000)).toBeNull();
    expect(leaseHolder(boardReduced(board, [{ type: 'cleared', topic: { kind: 'driver', clientId: 'drv' } }]), 'c-1', 2_000)).toBeNull();
    expect(leaseHolder(boardReduced(board, [{ type: 'cleared', topic: { kind: 'lease', id: 'c-1' } }]), 'c-1', 2_000)).toBeNull();
  });
});
