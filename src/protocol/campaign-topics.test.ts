import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  campaignCommandsTopic,
  campaignGatewayTopic,
  campaignHeaderTopic,
  campaignLeaseTopic,
  campaignTopicString,
  driverPresenceTopic,
  isUnderNamespace,
  namespaceFilter,
  namespaceProblem,
  parseCampaignTopic,
  probeTopic,
} from './campaign-topics.ts';

const NS = 'ota-console/v1';

describe('campaign topics', () => {
  it('builds every record topic under the namespace', () => {
    expect(campaignHeaderTopic(NS, 'c-1')).toBe('ota-console/v1/campaigns/c-1');
    expect(campaignGatewayTopic(NS, 'c-1', 'DOCK1')).toBe('ota-console/v1/campaigns/c-1/gateways/DOCK1');
    expect(campaignLeaseTopic(NS, 'c-1')).toBe('ota-console/v1/campaigns/c-1/lease');
    expect(campaignCommandsTopic(NS, 'c-1')).toBe('ota-console/v1/campaigns/c-1/commands');
    expect(driverPresenceTopic(NS, 'ota-operator-abc')).toBe('ota-console/v1/drivers/ota-operator-abc');
    expect(probeTopic(NS, 'ota-operator-abc')).toBe('ota-console/v1/probe/ota-operator-abc');
    expect(namespaceFilter(NS)).toBe('ota-console/v1/#');
  });

  it('refuses SNs, ids and namespaces that would change what a topic means', () => {
    expect(() => campaignGatewayTopic(NS, 'c-1', 'DOCK/1')).toThrow(/SN contains '\/'/);
    expect(() => campaignGatewayTopic(NS, 'c-1', 'DOCK+')).toThrow();
    expect(() => campaignHeaderTopic(NS, 'c/#')).toThrow(/campaign id/);
    expect(() => driverPresenceTopic(NS, 'a+b')).toThrow(/client id/);
    expect(namespaceProblem('a/+/b')).toMatch(/'\+'/);
    expect(namespaceProblem('/lead')).toMatch(/empty level/);
    expect(namespaceProblem('$SYS/x')).toMatch(/\$/);
    expect(namespaceProblem('')).toMatch(/empty/);
    expect(namespaceProblem(NS)).toBeNull();
  });

  it('parses what it builds, and says why it refuses the rest', () => {
    for (const topic of [
      { kind: 'header', id: 'c-1' },
      { kind: 'gateway', id: 'c-1', sn: 'DOCK1' },
      { kind: 'lease', id: 'c-1' },
      { kind: 'commands', id: 'c-1' },
      { kind: 'driver', clientId: 'x.y-z' },
      { kind: 'probe', clientId: 'x' },
    ] as const) {
      expect(parseCampaignTopic(NS, campaignTopicString(NS, topic))).toEqual({ ok: true, topic });
    }
    expect(parseCampaignTopic(NS, 'ota-console/v1/campaigns/c-1/gateways/a b')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/SN is not valid/),
    });
    expect(parseCampaignTopic(NS, 'ota-console/v1/campaigns/__proto__x!/lease')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/campaign id/),
    });
    expect(parseCampaignTopic(NS, 'ota-console/v1/campaigns/c-1/other')).toMatchObject({ ok: false });
    expect(parseCampaignTopic(NS, 'ota-console/v1/elsewhere/x')).toMatchObject({ ok: false });
    expect(parseCampaignTopic(NS, 'thing/product/X/services')).toMatchObject({ ok: false, reason: expect.stringMatching(/not under/) });
  });
});

describe('isUnderNamespace', () => {
  it('is true exactly when the topic starts with the namespace and a / (property)', () => {
    const piece = fc.constantFrom('ota', 'ota-console', 'a', '', '/', 'x/y');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 4 }), fc.array(piece, { maxLength: 4 }), (ns, rest) => {
        const namespace = ns.join('');
        const topic = [...ns, ...rest].join('');
        expect(isUnderNamespace(namespace, topic)).toBe(topic.startsWith(`${namespace}/`));
      }),
      { numRuns: 1_000 },
    );
  });
});
