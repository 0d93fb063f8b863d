/**
 * Retention (docs/campaigns-on-broker.md, "Retention"): a finished or aborted campaign whose
 * finishedAt is older than the retention is cleared from the broker (an empty retained message on
 * each of its records) by an operator console or runner that may drive.
 */
import { campaignGatewayTopic, campaignHeaderTopic, campaignLeaseTopic } from '../protocol/campaign-topics.ts';
import type { LinkContext } from './campaign-link-types.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_RETENTION_MS = 90 * DAY_MS;

/** Clears the expired campaigns of the board, each once; returns the function to run on every sync. */
export function createRetention(ctx: LinkContext, retentionMs: number): (at: number) => void {
  const cleared = new Set<string>();
  return (at) => {
    for (const entry of ctx.board().campaigns.values()) {
      const header = entry.header;
      if (header === null || cleared.has(entry.id) || header.state === 'running' || header.state === 'paused') continue;
      if (header.finishedAt === null || at - header.finishedAt < retentionMs) continue;
      cleared.add(entry.id);
      const topics = [
        ...[...entry.gateways.keys()].map((sn) => campaignGatewayTopic(ctx.ns, entry.id, sn)),
        campaignLeaseTopic(ctx.ns, entry.id),
        campaignHeaderTopic(ctx.ns, entry.id),
      ];
      for (const topic of topics) ctx.publishRecord(topic, '').catch(() => undefined);
      ctx.log(`campaign ${entry.id}: cleared from the broker (finished more than ${Math.round(retentionMs / DAY_MS)} days ago)`);
    }
  };
}
