import type { Decoded } from '../../protocol/messages.ts';
import { fleetStore } from '../../fleet/fleet-store.ts';
import { tasksStore } from '../../tasks/tasks-store.ts';
import { campaignBatchReceived } from '../../campaigns/campaign-runtime.ts';

export type BatchConsumer = (batch: readonly Decoded[]) => void;

/**
 * Every store that learns from broker traffic, in the order each batch reaches them.
 * Adding a store is one line here: `(batch) => fleetStore.getState().batchReceived(batch)`.
 * Diagnostics is not listed: the broker session counts every batch itself (src/broker/session.ts),
 * so listing it here would count each message twice.
 */
export const batchConsumers: readonly BatchConsumer[] = [
  (batch) => fleetStore.getState().batchReceived(batch, Date.now()),
  (batch) => tasksStore.getState().batchReceived(batch, Date.now()),
  campaignBatchReceived,
];
