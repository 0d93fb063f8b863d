/**
 * Whether the broker can hold campaigns (docs/campaigns-on-broker.md, "Brokers"): after Connected,
 * a retained probe under `{ns}/probe/{clientId}`, then a fresh subscription to `{ns}/probe/+`: the
 * broker must send the probe back flagged retained (a live echo proves nothing). None within the
 * timeout: this broker keeps retained messages from wildcard subscribers, and screens say so.
 */
import { CAMPAIGN_FORMAT_VERSION, encodeRecord } from '../protocol/campaign-records.ts';
import { probeTopic } from '../protocol/campaign-topics.ts';
import type { BrokerCapability, LinkContext } from './campaign-link-types.ts';

export interface CapabilityProbe {
  /** Publishes a new probe (after each Connected); a probe still out is forgotten. */
  start(): void;
  /** A probe record of this client arrived. */
  seen(retained: boolean, nonce: string): void;
  stop(): void;
}

export function createCapabilityProbe(ctx: LinkContext, report: (probe: BrokerCapability) => void, timeoutMs: number): CapabilityProbe {
  const { deps } = ctx;
  const topic = probeTopic(ctx.ns, deps.clientId);
  let nonce: string | null = null;
  let cancel: (() => void) | null = null;

  function stop(): void {
    cancel?.();
    cancel = null;
  }

  return {
    start() {
      stop();
      const session = deps.session;
      if (session.readOnly || session.resubscribe === undefined) return;
      const mine = deps.ids.uuid();
      nonce = mine;
      report('checking');
      const resubscribe = session.resubscribe.bind(session);
      ctx
        .publishRecord(topic, encodeRecord(topic, { v: CAMPAIGN_FORMAT_VERSION, clientId: deps.clientId, nonce: mine, at: deps.now() }))
        .then(() => resubscribe(`${ctx.ns}/probe/+`))
        .catch(() => undefined);
      const handle = globalThis.setTimeout(() => {
        if (nonce !== mine) return;
        nonce = null;
        report('unsupported');
        ctx.log('the broker did not send a retained message back through a wildcard subscription: it cannot hold campaigns');
        ctx.publishRecord(topic, '').catch(() => undefined);
      }, timeoutMs);
      cancel = () => globalThis.clearTimeout(handle);
    },
    seen(retained, seenNonce) {
      if (!retained || seenNonce !== nonce) return;
      nonce = null;
      stop();
      report('ok');
      ctx.publishRecord(topic, '').catch(() => undefined);
    },
    stop,
  };
}
