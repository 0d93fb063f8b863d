import { describe, expect, it } from 'vitest';
import { buildOtaProgress, buildUpdateTopo } from '../protocol/builders.ts';
import { decode } from '../protocol/decode.ts';
import type { Decoded } from '../protocol/messages.ts';
import { counterIds } from '../protocol/protocol-test-kit.ts';
import { eventsTopic, statusTopic } from '../protocol/topics.ts';
import { createDeviceResponder } from './device-responder.ts';

const ids = counterIds();

function decoded(topic: string, message: object): Decoded {
  return decode(topic, JSON.stringify(message));
}

function progress(needReply: boolean, bid = 'bid-1') {
  return decoded(
    eventsTopic('DOCK1'),
    buildOtaProgress({ gateway: 'DOCK1', bid, status: 'in_progress', percent: 10, step: 'download_firmware', needReply }, ids),
  );
}

function topo() {
  return decoded(statusTopic('DOCK1'), buildUpdateTopo({ gatewaySn: 'DOCK1', domain: '3', type: 2, subType: 0, subDevices: [] }, ids));
}

function recorder() {
  const sent: { topic: string; message: Record<string, unknown> }[] = [];
  const publish = (topic: string, message: object) => {
    sent.push({ topic, message: message as Record<string, unknown> });
    return Promise.resolve();
  };
  return { sent, publish };
}

describe('createDeviceResponder', () => {
  it('answers a need_reply event with events_reply echoing tid, bid and method', () => {
    const { sent, publish } = recorder();
    const event = progress(true);
    createDeviceResponder({ publish })([event]);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.topic).toBe('thing/product/DOCK1/events_reply');
    if (event.kind === 'invalid' || event.kind === 'campaign_record') throw new Error('fixture must decode');
    expect(sent[0]!.message).toMatchObject({ tid: event.meta.tid, bid: event.meta.bid, method: 'ota_progress', data: { result: 0 } });
  });

  it('does not answer events that did not ask for it', () => {
    const { sent, publish } = recorder();
    createDeviceResponder({ publish })([progress(false)]);
    expect(sent).toHaveLength(0);
  });

  it('answers update_topo with status_reply', () => {
    const { sent, publish } = recorder();
    const message = topo();
    createDeviceResponder({ publish })([message]);
    expect(sent.map((s) => s.topic)).toEqual(['sys/product/DOCK1/status_reply']);
    expect(sent[0]!.message).toMatchObject({ method: 'update_topo', data: { result: 0 } });
  });

  it('answers a redelivered message only once, across batches', () => {
    const { sent, publish } = recorder();
    const respond = createDeviceResponder({ publish });
    const event = progress(true);
    respond([event, event]);
    respond([event]);
    expect(sent).toHaveLength(1);
  });

  it('forgets the oldest answered messages beyond its memory', () => {
    const { sent, publish } = recorder();
    const respond = createDeviceResponder({ publish, memory: 2 });
    const first = progress(true, 'a');
    respond([first, progress(true, 'b'), progress(true, 'c')]);
    respond([first]);
    expect(sent).toHaveLength(4);
  });

  it('reports a failed publish and keeps answering', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const respond = createDeviceResponder({
      publish: () => {
        calls += 1;
        return calls === 1 ? Promise.reject(new Error('read-only')) : Promise.resolve();
      },
      onError: (error) => errors.push(error),
    });
    respond([progress(true, 'x'), progress(true, 'y')]);
    await Promise.resolve();
    await Promise.resolve();
    expect(calls).toBe(2);
    expect(errors).toHaveLength(1);
  });

  it('skips invalid messages', () => {
    const { sent, publish } = recorder();
    createDeviceResponder({ publish })([decode(eventsTopic('DOCK1'), 'not json')]);
    expect(sent).toHaveLength(0);
  });
});
