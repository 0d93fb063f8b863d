// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { newCampaign } from './campaign-actions.ts';
import { alertEvents, titleBadge, watchCampaignAlerts } from './campaign/campaign-alerts.ts';
import { createCampaignsStore } from './campaign-store.ts';
import { makePlan } from './campaign/campaign-test-world.ts';
import type { Campaign } from './campaign-types.ts';

const campaign = (id: string, state: Campaign['state']): Campaign => ({ ...newCampaign(makePlan(1), id, 1), state });

describe('campaign alerts', () => {
  it('reports campaigns that moved into paused or finished, once', () => {
    const before = [campaign('a', 'running'), campaign('b', 'running'), campaign('c', 'paused')];
    const after = [campaign('a', 'paused'), campaign('b', 'finished'), campaign('c', 'paused'), campaign('d', 'finished')];
    expect(alertEvents(before, after).map((e) => [e.campaign.id, e.kind])).toEqual([
      ['a', 'paused'],
      ['b', 'finished'],
    ]);
    expect(alertEvents(after, after)).toEqual([]);
  });

  it('badges the title while a campaign is paused', () => {
    expect(titleBadge([campaign('a', 'paused'), campaign('b', 'paused')], false)).toBe('(2 paused) ');
    expect(titleBadge([campaign('a', 'finished')], true)).toBe('(Finished) ');
    expect(titleBadge([campaign('a', 'running')], false)).toBe('');
  });

  it('keeps document.title in step with the store', () => {
    document.title = 'OTA Console';
    const store = createCampaignsStore(() => 'x');
    const stop = watchCampaignAlerts(store, document);
    store.getState().campaignStarted(makePlan(2), 1);
    expect(document.title).toBe('OTA Console');
    store.getState().campaignPaused('x', 2);
    expect(document.title).toBe('(1 paused) OTA Console');
    store.getState().campaignResumed('x', 3);
    expect(document.title).toBe('OTA Console');
    stop();
  });
});
