import { buildEventsReply, buildStatusReply } from '../protocol/builders.ts';
import type { Decoded, MessageMeta } from '../protocol/messages.ts';
import { eventsReplyTopic, statusReplyTopic } from '../protocol/topics.ts';

export type ReplyPublisher = (topic: string, message: object) => Promise<void>;

export interface DeviceResponderOptions {
  publish: ReplyPublisher;
  /** Called when a reply could not be built or sent; the responder keeps going. */
  onError?: (error: unknown, meta: MessageMeta) => void;
  /** How many answered messages are remembered to drop QoS 1 redeliveries (default 5,000). */
  memory?: number;
}

/**
 * Answers devices that wait for the cloud: events with need_reply = 1 (events_reply) and every
 * update_topo (status_reply), echoing tid/bid/method with {result: 0}.
 *
 * Exactly once per message: a QoS 1 redelivery after a reconnect carries the same topic and tid,
 * so those are remembered (bounded, oldest forgotten first) and not answered twice. Only one
 * console per deployment should run this (the respondToDevices setting); the caller decides that,
 * and a read-only session refuses the publish anyway.
 */
export function createDeviceResponder(options: DeviceResponderOptions): (batch: readonly Decoded[]) => void {
  const memory = options.memory ?? 5000;
  const answered = new Set<string>();

  function remember(key: string): boolean {
    if (answered.has(key)) return false;
    answered.add(key);
    if (answered.size > memory) {
      const oldest = answered.values().next();
      if (!oldest.done) answered.delete(oldest.value);
    }
    return true;
  }

  function answer(meta: MessageMeta, topic: string, build: typeof buildEventsReply) {
    if (!remember(`${meta.topic}\u0000${meta.tid ?? ''}\u0000${meta.bid ?? ''}\u0000${meta.timestamp ?? ''}`)) return;
    try {
      options.publish(topic, build(meta)).catch((error: unknown) => options.onError?.(error, meta));
    } catch (error) {
      // A message without tid/bid/method cannot be answered; it is reported, not retried.
      options.onError?.(error, meta);
    }
  }

  return (batch) => {
    for (const message of batch) {
      if (message.kind === 'invalid' || message.kind === 'campaign_record') continue;
      const { meta } = message;
      if (meta.family === 'events' && meta.needReply) {
        answer(meta, eventsReplyTopic(meta.sn), buildEventsReply);
      } else if (meta.family === 'status' && (message.kind === 'update_topo' || meta.needReply)) {
        answer(meta, statusReplyTopic(meta.sn), buildStatusReply);
      }
    }
  };
}
