import { afterEach, describe, expect, it, vi } from 'vitest';
import { newCampaign } from './campaign-actions.ts';
import { CAMPAIGNS_STORAGE_KEY, connectCampaignsPersistence, loadCampaigns, saveCampaigns } from './campaign-persistence.ts';
import { createCampaignsStore } from './campaign-store.ts';
import { makePlan } from './campaign-test-kit.ts';
import { MAX_CAMPAIGNS, type Campaign } from './campaign-types.ts';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { data, getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
}

const campaign = (id: string, state: Campaign['state'] = 'running'): Campaign => ({ ...newCampaign(makePlan(2, { maxParallel: 1 }), id, 1_000), state });

afterEach(() => vi.useRealTimers());

describe('campaign persistence', () => {
  it('round-trips campaigns exactly', () => {
    const storage = memoryStorage();
    const list = [campaign('a'), campaign('b', 'paused')];
    expect(saveCampaigns(storage, list, 5)).toBe(true);
    expect(loadCampaigns(storage)).toEqual(list);
  });

  it('reads corrupt, foreign-version or partly bad data without throwing, keeping the good campaigns', () => {
    expect(loadCampaigns(memoryStorage({ [CAMPAIGNS_STORAGE_KEY]: '{not json' }))).toEqual([]);
    expect(loadCampaigns(memoryStorage({ [CAMPAIGNS_STORAGE_KEY]: JSON.stringify({ version: 99, savedAt: 1, campaigns: [campaign('a')] }) }))).toEqual([]);
    const bad = { ...campaign('bad'), maxParallel: -3 };
    const storage = memoryStorage({ [CAMPAIGNS_STORAGE_KEY]: JSON.stringify({ version: 1, savedAt: 1, campaigns: [bad, campaign('good'), 'x', campaign('good')] }) });
    expect(loadCampaigns(storage).map((c) => c.id)).toEqual(['good']);
    const throwing = { getItem: () => { throw new Error('denied'); }, setItem: () => undefined };
    expect(loadCampaigns(throwing)).toEqual([]);
  });

  it('reads the English reasons older builds stored as descriptors, and keeps a sentence it does not know as text', () => {
    const old = (pausedReason: string, skippedReason: string | null = null) => {
      const c = campaign('p', 'paused');
      return { ...c, pausedReason, gateways: c.gateways.map((g, i) => (i === 0 ? { ...g, skippedReason } : g)) };
    };
    const load = (stored: object) => loadCampaigns(memoryStorage({ [CAMPAIGNS_STORAGE_KEY]: JSON.stringify({ version: 1, savedAt: 1, campaigns: [stored] }) }))[0];
    expect(load(old('Paused by the operator'))?.pausedReason).toEqual({ kind: 'operator' });
    expect(load(old('Paused: 1 failure reached the limit of 1'))?.pausedReason).toEqual({ kind: 'failures', failures: 1, limit: 1 });
    expect(load(old('Paused: 2 failures reached the limit of 12.5% (2 failures of 10 gateways)'))?.pausedReason).toEqual({
      kind: 'failures-percent',
      failures: 2,
      percent: 12.5,
      limit: 2,
      gateways: 10,
    });
    expect(load(old('Paused: the canary failed on 1 of 2 gateways'))?.pausedReason).toEqual({ kind: 'canary', failed: 1, canary: 2 });
    expect(load(old('Paused for a reason from the future'))?.pausedReason).toEqual({ kind: 'text', text: 'Paused for a reason from the future' });
    const skipped = load(old('Paused by the operator', 'Skipped: another upgrade is active on this gateway (task b-1, started elsewhere)'));
    expect(skipped?.gateways[0]?.skippedReason).toEqual({ kind: 'busy', bid: 'b-1', owner: 'elsewhere' });
    expect(load(old('Paused by the operator', 'Skipped: who knows'))?.gateways[0]?.skippedReason).toEqual({ kind: 'text', text: 'Skipped: who knows' });
    expect(load({ ...campaign('q', 'paused'), pausedReason: { kind: 'failures', failures: -1, limit: 1 } })).toBeUndefined();
  });

  it('drops the oldest finished campaigns to fit, never a running or paused one', () => {
    const storage = memoryStorage();
    const list = [campaign('old-done', 'finished'), campaign('live'), campaign('new-done', 'aborted'), campaign('paused', 'paused')];
    const one = JSON.stringify(list[0]).length;
    expect(saveCampaigns(storage, list, 1, one * 3 + 100)).toBe(true);
    expect(loadCampaigns(storage).map((c) => c.id)).toEqual(['live', 'new-done', 'paused']);
    expect(saveCampaigns(storage, [campaign('live'), campaign('p', 'paused')], 1, one)).toBe(false);
  });

  it('keeps at most MAX_CAMPAIGNS', () => {
    const storage = memoryStorage();
    saveCampaigns(storage, Array.from({ length: MAX_CAMPAIGNS + 5 }, (_, i) => campaign(`c${i}`, 'finished')), 1);
    const loaded = loadCampaigns(storage);
    expect(loaded).toHaveLength(MAX_CAMPAIGNS);
    expect(loaded[0]?.id).toBe('c5');
  });

  it('restores on connect, writes changes debounced and at once on flush', () => {
    vi.useFakeTimers();
    const storage = memoryStorage();
    saveCampaigns(storage, [campaign('stored')], 1);
    const store = createCampaignsStore(() => 'new');
    const persistence = connectCampaignsPersistence(store, storage, { debounceMs: 1_000 });
    expect(store.getState().campaigns.map((c) => c.id)).toEqual(['stored']);
    store.getState().campaignStarted(makePlan(1), 2);
    expect(loadCampaigns(storage).map((c) => c.id)).toEqual(['stored']);
    persistence.flush();
    expect(loadCampaigns(storage).map((c) => c.id)).toEqual(['stored', 'new']);
    store.getState().campaignPaused('new', 3);
    vi.advanceTimersByTime(1_000);
    expect(loadCampaigns(storage).find((c) => c.id === 'new')?.state).toBe('paused');
    persistence.stop();
  });
});
