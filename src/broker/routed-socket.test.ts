import { describe, expect, it } from 'vitest';
import type { IncomingPublish } from './publish-fast-path.ts';
import { ACK_DELAY_MS, routeIncoming } from './routed-socket.ts';
import type { SessionWebSocket } from './session-types.ts';

type Listener = (event: { data: unknown }) => void;

/** A socket that records what is sent and lets the test deliver frames. */
function fakeSocket() {
  const listeners = new Map<string, Listener[]>();
  const sent: string[] = [];
  let failSends = false;
  const socket = {
    addEventListener(type: string, listener: Listener) {
      listeners.set(type, [...(listeners.get(type) ?? []), listener]);
    },
    send(data: Uint8Array) {
      if (failSends) throw new Error('InvalidStateError');
      sent.push(Buffer.from(data).toString('hex'));
    },
  };
  return {
    socket: socket as unknown as SessionWebSocket,
    sent,
    failSends: () => (failSends = true),
    deliver: (data: unknown) => listeners.get('message')?.forEach((l) => l({ data })),
    listenerCount: (type: string) => listeners.get(type)?.length ?? 0,
  };
}

function scheduler() {
  const due: { callback: () => void; delayMs: number }[] = [];
  return {
    schedule: (callback: () => void, delayMs: number) => {
      due.push({ callback, delayMs });
      return () => {};
    },
    due,
    runAll: () => due.splice(0).forEach((d) => d.callback()),
  };
}

/** A fake socket routed for MQTT 3.1.1, with a message listener standing in for MQTT.js's. */
function routed() {
  const fake = fakeSocket();
  const timers = scheduler();
  routeIncoming(fake.socket, { version: () => 4, publish: () => {}, timers });
  fake.socket.addEventListener('message', () => {});
  return { fake, timers };
}

const publish = (id: number, topic = 'a/b', payload = [0x7b, 0x7d]) =>
  Uint8Array.of(0x32, 2 + topic.length + 2 + payload.length, 0, topic.length, ...Buffer.from(topic), id >> 8, id & 0xff, ...payload);

describe('routeIncoming', () => {
  it('gives MQTT.js only what the fast path does not read, as an ArrayBuffer of whole packets', () => {
    const fake = fakeSocket();
    const timers = scheduler();
    const got: IncomingPublish[] = [];
    routeIncoming(fake.socket, { version: () => 4, publish: (m) => got.push(m), timers });
    const heard: unknown[] = [];
    fake.socket.addEventListener('message', (event) => heard.push(event.data));

    const connack = Uint8Array.of(0x20, 0x02, 0x00, 0x00);
    const frame = new Uint8Array([...connack, ...publish(7)]);
    fake.deliver(frame.buffer);

    expect(got.map((m) => m.topic)).toEqual(['a/b']);
    expect(heard).toHaveLength(1);
    expect(heard[0]).toBeInstanceOf(ArrayBuffer);
    expect(new Uint8Array(heard[0] as ArrayBuffer)).toEqual(connack);
  });

  it('sends the PUBACKs of every frame in the next ACK_DELAY_MS together, in one send', () => {
    const { fake, timers } = routed();

    fake.deliver(publish(1).buffer);
    fake.deliver(publish(2).buffer);
    fake.deliver(publish(0x0a0b).buffer);
    expect(fake.sent).toEqual([]);
    expect(timers.due.map((d) => d.delayMs)).toEqual([ACK_DELAY_MS]);

    timers.runAll();
    expect(fake.sent).toEqual(['40020001' + '40020002' + '40020a0b']);
    fake.deliver(publish(3).buffer);
    timers.runAll();
    expect(fake.sent).toEqual(['400200014002000240020a0b', '40020003']);
  });

  it('drops the PUBACKs of a socket that closed meanwhile, without throwing', () => {
    const { fake, timers } = routed();
    fake.deliver(publish(1).buffer);
    fake.failSends();
    expect(() => timers.runAll()).not.toThrow();
  });

  it('leaves a Blob to MQTT.js and passes other events through untouched', () => {
    const fake = fakeSocket();
    routeIncoming(fake.socket, { version: () => 5, publish: () => {}, timers: { schedule: () => () => {} } });
    const heard: unknown[] = [];
    fake.socket.addEventListener('message', (event) => heard.push(event.data));
    fake.socket.addEventListener('open', () => {});
    const blob = new Blob(['x']);
    fake.deliver(blob);
    expect(heard).toEqual([blob]);
    expect(fake.listenerCount('open')).toBe(1);
  });
});
