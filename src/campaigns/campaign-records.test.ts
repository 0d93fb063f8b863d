import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeChannel } from '../lib/persist/change-channel.ts';
import type { DatabaseSpec } from '../lib/persist/persist-database.ts';
import { openPersistKit, type PersistKit } from '../lib/persist/persist-kit.ts';
import { freshIndexedDb, linkedChannels, manualTimers, settle } from '../lib/persist/persist-kit-test-kit.ts';
import { MemoryStorage } from '../lib/work-slices-test-kit.ts';
import { newCampaign } from './campaign-actions.ts';
import { LEGACY_CAMPAIGNS_KEY, readLegacyCampaigns } from './campaign-legacy-storage.ts';
import { CAMPAIGNS_STORE_SPEC, indexedDbCampaigns } from './campaign-records.ts';
import { createCampaignsStore } from './campaign-store.ts';
import { makePlan } from './campaign-test-kit.ts';
import { MAX_CAMPAIGNS, type Campaign } from './campaign-types.ts';

const DATABASE: DatabaseSpec = { name: 'campaigns-test', version: 1, stores: [CAMPAIGNS_STORE_SPEC] };
const campaign = (id: string, state: Campaign['state'] = 'running', createdAt = 1_000): Campaign => ({
  ...newCampaign(makePlan(2, { maxParallel: 1 }), id, createdAt),
  state,
});
const legacyText = (campaigns: readonly unknown[], version = 1) => JSON.stringify({ version, savedAt: 1, campaigns });

const kits: PersistKit[] = [];
afterEach(() => {
  for (const kit of kits.splice(0)) kit.close();
});

async function openLink(options: { factory?: IDBFactory | null; channel?: ChangeChannel | null; legacy?: MemoryStorage } = {}) {
  const { factory = freshIndexedDb(), channel = null, legacy = null } = options;
  const time = manualTimers();
  const kit = await openPersistKit({ database: DATABASE, factory, channel, timers: time.timers, slices: null, pageEvents: null });
  kits.push(kit);
  return { kit, time, link: indexedDbCampaigns(kit, { legacy }) };
}

describe('campaign records', () => {
  it('restores on connect, writes changes in the period and at once on flush; a reload reads them exactly', async () => {
    const factory = freshIndexedDb();
    const legacy = new MemoryStorage();
    legacy.setItem(LEGACY_CAMPAIGNS_KEY, legacyText([campaign('stored')]));
    const first = await openLink({ factory, legacy });
    const store = createCampaignsStore(() => 'new');
    const writer = first.link.connect(store);
    await settle();
    expect(store.getState().campaigns.map((c) => c.id)).toEqual(['stored']);
    store.getState().campaignStarted(makePlan(1), 2_000);
    writer.flush();
    await first.kit.flush();
    expect((await first.link.load()).map((c) => c.id)).toEqual(['stored', 'new']);
    store.getState().campaignPaused('new', 3_000);
    expect(first.time.pending).toBe(1);
    first.time.fire();
    await first.kit.flush();
    const reloaded = await openLink({ factory });
    expect(await reloaded.link.load()).toEqual(store.getState().campaigns);
    expect((await reloaded.link.load()).find((c) => c.id === 'new')?.state).toBe('paused');
    writer.stop();
  });

  it('a removed campaign is deleted; a tab that stopped leading writes nothing more', async () => {
    const factory = freshIndexedDb();
    const { kit, link } = await openLink({ factory });
    const store = createCampaignsStore(() => 'done');
    const writer = link.connect(store);
    store.getState().campaignStarted(makePlan(1), 1);
    await kit.flush();
    store.getState().campaignAborted('done', 2);
    store.getState().campaignRemoved('done');
    await kit.flush();
    expect(await link.load()).toEqual([]);
    writer.stop({ write: false });
    store.getState().campaignsRestored([campaign('after')]);
    await kit.flush();
    expect(await link.load()).toEqual([]);
  });

  it("a follower tab hears of the leader's writes and reads every campaign back", async () => {
    const factory = freshIndexedDb();
    const [channelA, channelB] = linkedChannels(2);
    const leader = await openLink({ factory, channel: channelA });
    const follower = await openLink({ factory, channel: channelB });
    let heard = 0;
    follower.link.subscribe(() => (heard += 1));
    const store = createCampaignsStore(() => 'c1');
    leader.link.connect(store);
    store.getState().campaignStarted(makePlan(2), 1);
    await leader.kit.flush();
    await settle();
    expect(heard).toBe(1);
    expect((await follower.link.load()).map((c) => c.id)).toEqual(['c1']);
  });

  it('without IndexedDB the old campaigns are still shown, and their key is kept', async () => {
    const legacy = new MemoryStorage();
    legacy.setItem(LEGACY_CAMPAIGNS_KEY, legacyText([campaign('kept')]));
    const { kit, link } = await openLink({ factory: null, legacy });
    expect(kit.status.mode).toBe('memory');
    const store = createCampaignsStore();
    link.connect(store);
    await settle();
    expect(store.getState().campaigns.map((c) => c.id)).toEqual(['kept']);
    expect(legacy.getItem(LEGACY_CAMPAIGNS_KEY)).not.toBeNull();
  });
});

describe("the previous version's campaigns document", () => {
  const read = (text: string | null) => {
    const storage = new MemoryStorage();
    if (text !== null) storage.setItem(LEGACY_CAMPAIGNS_KEY, text);
    return readLegacyCampaigns(storage);
  };

  it('round-trips campaigns exactly', () => {
    const list = [campaign('a'), campaign('b', 'paused')];
    expect(read(legacyText(list))).toEqual(list);
    expect(read(null)).toBeNull();
  });

  it('reads corrupt, foreign-version or partly bad data without throwing, keeping the good campaigns', () => {
    expect(read('{not json')).toEqual([]);
    expect(read(legacyText([campaign('a')], 99))).toEqual([]);
    const bad = { ...campaign('bad'), maxParallel: -3 };
    expect(read(legacyText([bad, campaign('good'), 'x', campaign('good')]))?.map((c) => c.id)).toEqual(['good']);
    const throwing = {
      getItem: () => {
        throw new Error('denied');
      },
      removeItem: () => undefined,
    };
    expect(readLegacyCampaigns(throwing)).toBeNull();
  });

  it('reads the English reasons older builds stored as descriptors, and keeps a sentence it does not know as text', () => {
    const old = (pausedReason: string, skippedReason: string | null = null) => {
      const c = campaign('p', 'paused');
      return { ...c, pausedReason, gateways: c.gateways.map((g, i) => (i === 0 ? { ...g, skippedReason } : g)) };
    };
    const load = (stored: object) => read(legacyText([stored]))?.[0];
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
    expect(load(old('Paused for a reason from the future'))?.pausedReason).toEqual({
      kind: 'text',
      text: 'Paused for a reason from the future',
    });
    const skipped = load(old('Paused by the operator', 'Skipped: another upgrade is active on this gateway (task b-1, started elsewhere)'));
    expect(skipped?.gateways[0]?.skippedReason).toEqual({ kind: 'busy', bid: 'b-1', owner: 'elsewhere' });
    expect(load(old('Paused by the operator', 'Skipped: who knows'))?.gateways[0]?.skippedReason).toEqual({
      kind: 'text',
      text: 'Skipped: who knows',
    });
    expect(load({ ...campaign('q', 'paused'), pausedReason: { kind: 'failures', failures: -1, limit: 1 } })).toBeUndefined();
  });

  it('keeps at most MAX_CAMPAIGNS, the newest', () => {
    const loaded = read(legacyText(Array.from({ length: MAX_CAMPAIGNS + 5 }, (_, i) => campaign(`c${String(i)}`, 'finished'))));
    expect(loaded).toHaveLength(MAX_CAMPAIGNS);
    expect(loaded?.[0]?.id).toBe('c5');
  });
});
