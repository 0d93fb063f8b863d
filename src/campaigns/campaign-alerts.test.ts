// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { newCampaign } from './campaign-actions.ts';
import { alertTextsFor } from './campaign-alert-texts.ts';
import { alertEvents, titleBadge, watchCampaignAlerts } from './campaign-alerts.ts';
import { campaignTestI18n } from './campaign-i18n-test-kit.ts';
import { createCampaignsStore } from './campaign-store.ts';
import { makePlan } from './campaign-test-kit.ts';
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
    const texts = alertTextsFor(campaignTestI18n('en'));
    const badge = (...args: Parameters<typeof titleBadge>) => texts.badge(titleBadge(...args));
    expect(titleBadge([campaign('a', 'paused'), campaign('b', 'paused')], false)).toEqual({ kind: 'paused', count: 2 });
    expect(badge([campaign('a', 'paused'), campaign('b', 'paused')], false)).toBe('(2 paused) ');
    expect(badge([campaign('a', 'finished')], true)).toBe('(Finished) ');
    expect(titleBadge([campaign('a', 'running')], false)).toBeNull();
    expect(badge([campaign('a', 'running')], false)).toBe('');
  });

  it('says the badge and notifications in the language of the moment', async () => {
    const i18n = campaignTestI18n('en');
    const texts = alertTextsFor(i18n);
    const paused = { ...campaign('a', 'paused'), pausedReason: { kind: 'failures', failures: 1, limit: 1 } } as const;
    expect(texts.notification({ campaign: paused, kind: 'paused' })).toEqual({
      title: `Campaign paused: ${paused.name}`,
      body: 'Paused: 1 failure reached the limit of 1',
    });
    await i18n.changeLanguage('zh-CN');
    expect(texts.badge({ kind: 'paused', count: 3 })).toBe('（3 个已暂停）');
    expect(texts.notification({ campaign: paused, kind: 'paused' })).toEqual({
      title: '批量升级已暂停：DJI Dock → 10.1.0（1 个网关）',
      body: '已暂停：1 次失败，达到上限 1',
    });
    expect(texts.notification({ campaign: campaign('b', 'finished'), kind: 'finished' }).body).toBe('所有网关均已有结果。');
  });

  it('keeps document.title in step with the store and the language', async () => {
    document.title = 'OTA Console';
    const store = createCampaignsStore(() => 'x');
    const i18n = campaignTestI18n('en');
    const stop = watchCampaignAlerts(store, alertTextsFor(i18n), document);
    store.getState().campaignStarted(makePlan(2), 1);
    expect(document.title).toBe('OTA Console');
    store.getState().campaignPaused('x', 2);
    expect(document.title).toBe('(1 paused) OTA Console');
    await i18n.changeLanguage('zh-CN');
    expect(document.title).toBe('（1 个已暂停）OTA Console');
    await i18n.changeLanguage('en');
    store.getState().campaignResumed('x', 3);
    expect(document.title).toBe('OTA Console');
    stop();
  });
});
