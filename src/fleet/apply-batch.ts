import type { Decoded } from '../protocol/messages.ts';
import { gatewaySeenInto, osdInto, stateInto } from './apply-device-report.ts';
import { topoInto } from './apply-topo.ts';
import { produceFleet, type FleetDraft } from './fleet-draft.ts';
import type { FleetState } from './fleet-model.ts';

function messageInto(draft: FleetDraft, message: Decoded, now: number, osdIgnored: ReadonlySet<string>): void {
  switch (message.kind) {
    case 'update_topo':
      topoInto(draft, message, now);
      return;
    case 'state':
      stateInto(draft, message, now);
      return;
    case 'osd':
      if (!osdIgnored.has(message.deviceSn)) osdInto(draft, message, now);
      return;
    case 'ota_progress':
    case 'ota_create_reply':
      // Both arrive on the gateway's own topics, so the topic SN is the gateway.
      gatewaySeenInto(draft, message.meta.sn, now);
      return;
    case 'ota_create':
      // A command some console sent: proof of that console, not of the gateway.
      return;
    case 'ignored':
    case 'invalid':
      return;
  }
}

const NONE: ReadonlySet<string> = new Set();

/**
 * One decoded batch (one animation frame of traffic) -> the next fleet. The maps are copied at
 * most once per batch, and the result is `state` itself when the batch changed nothing.
 * `now` is the receive time used for last-seen; the osd of `osdIgnored` devices is passed over.
 */
export function applyBatch(state: FleetState, batch: readonly Decoded[], now: number, osdIgnored: ReadonlySet<string> = NONE): FleetState {
  return produceFleet(state, (draft) => {
    for (const message of batch) messageInto(draft, message, now, osdIgnored);
  });
}
