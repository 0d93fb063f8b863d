/**
 * A driver's presence (docs/campaigns-on-broker.md, "One driver at a time"): `{ns}/drivers/{clientId}`,
 * retained, written on every Connected by a console or runner that may drive; its connection's MQTT
 * will clears it, so a lease whose driver's presence is gone is free at once.
 */
import { CAMPAIGN_FORMAT_VERSION, encodeRecord } from '../protocol/campaign-records.ts';
import { driverPresenceTopic } from '../protocol/campaign-topics.ts';
import type { LinkContext } from './campaign-link-types.ts';

export interface Presence {
  publish(at: number): void;
  /** The will of this client id's previous connection (a reload) may clear the presence after it was written: write it again. */
  keep(at: number, retryMs: number): void;
  clear(): Promise<void>;
}

export function createPresence(ctx: LinkContext): Presence {
  const { clientId, label } = ctx.deps;
  const topic = driverPresenceTopic(ctx.ns, clientId);
  let publishedAt = Number.NEGATIVE_INFINITY;
  function publish(at: number): void {
    publishedAt = at;
    const record = { v: CAMPAIGN_FORMAT_VERSION, clientId, label, state: 'online' as const, since: at };
    ctx.publishRecord(topic, encodeRecord(topic, record)).catch(() => undefined);
  }
  return {
    publish,
    keep(at, retryMs) {
      if (!ctx.board().drivers.has(clientId) && at - publishedAt >= retryMs) publish(at);
    },
    clear: () => ctx.publishRecord(topic, '').catch(() => undefined),
  };
}
