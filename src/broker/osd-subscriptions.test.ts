import { describe, expect, it } from 'vitest';
import { createOsdSubscriptions, FILTERS_PER_PACKET, type OsdClient } from './osd-subscriptions.ts';

interface Packet {
  kind: 'subscribe' | 'unsubscribe';
  filters: string[];
}

/** A client that records packets; SUBACK codes from `refuse`, failures while `down`. */
function fakeClient(refuse: (filter: string) => boolean = () => false) {
  const packets: Packet[] = [];
  let down = false;
  const client: OsdClient = {
    subscribe(filters) {
      packets.push({ kind: 'subscribe', filters });
      return down ? Promise.reject(new Error('closed')) : Promise.resolve(filters.map((f) => (refuse(f) ? 0x87 : 1)));
    },
    unsubscribe(filters) {
      packets.push({ kind: 'unsubscribe', filters });
      return down ? Promise.reject(new Error('closed')) : Promise.resolve();
    },
  };
  return { client, packets, setDown: (d: boolean) => (down = d) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const subscribed = (packets: Packet[]) => packets.filter((p) => p.kind === 'subscribe').flatMap((p) => p.filters);
const unsubscribed = (packets: Packet[]) => packets.filter((p) => p.kind === 'unsubscribe').flatMap((p) => p.filters);

describe('osd subscriptions per watched device', () => {
  it('subscribes each watched device once, drops the ones no longer watched, and the wildcard once per connection', async () => {
    const osd = createOsdSubscriptions(() => undefined);
    const { client, packets } = fakeClient();
    osd.watch(['DOCK-1', 'AIR-1']);
    expect(packets).toEqual([]); // not connected yet
    osd.connected(client);
    expect(unsubscribed(packets)).toEqual(['thing/product/+/osd']);
    expect(subscribed(packets)).toEqual(['thing/product/DOCK-1/osd', 'thing/product/AIR-1/osd']);
    packets.length = 0;
    osd.watch(['DOCK-1', 'DOCK-2']);
    expect(subscribed(packets)).toEqual(['thing/product/DOCK-2/osd']);
    expect(unsubscribed(packets)).toEqual(['thing/product/AIR-1/osd']);
    packets.length = 0;
    osd.watch(['DOCK-2', 'DOCK-1']);
    expect(packets).toEqual([]);
  });

  it('brings the broker in line after a reconnect: wanted ones again, ones dropped while offline unsubscribed', async () => {
    const osd = createOsdSubscriptions(() => undefined);
    const first = fakeClient();
    osd.connected(first.client);
    osd.watch(['DOCK-1', 'DOCK-2']);
    await settle();
    first.setDown(true);
    osd.disconnected();
    osd.watch(['DOCK-2', 'DOCK-3']);
    const second = fakeClient();
    osd.connected(second.client);
    expect(subscribed(second.packets).sort()).toEqual(['thing/product/DOCK-2/osd', 'thing/product/DOCK-3/osd']);
    expect(unsubscribed(second.packets)).toEqual(['thing/product/+/osd', 'thing/product/DOCK-1/osd']);
  });

  it('an unsubscribe the connection lost is sent again on the next connection', async () => {
    const osd = createOsdSubscriptions(() => undefined);
    const first = fakeClient();
    osd.connected(first.client);
    osd.watch(['DOCK-1']);
    await settle();
    first.setDown(true);
    osd.watch([]);
    await settle();
    osd.disconnected();
    const second = fakeClient();
    osd.connected(second.client);
    expect(unsubscribed(second.packets)).toEqual(['thing/product/+/osd', 'thing/product/DOCK-1/osd']);
    expect(subscribed(second.packets)).toEqual([]);
  });

  it('reports refused filters and subscribes them again on the next connection', async () => {
    const refused: string[][] = [];
    const osd = createOsdSubscriptions((filters) => refused.push(filters));
    const first = fakeClient((f) => f.includes('DOCK-2'));
    osd.connected(first.client);
    osd.watch(['DOCK-1', 'DOCK-2']);
    await settle();
    expect(refused).toEqual([['thing/product/DOCK-2/osd']]);
    const second = fakeClient();
    osd.connected(second.client);
    expect(subscribed(second.packets).sort()).toEqual(['thing/product/DOCK-1/osd', 'thing/product/DOCK-2/osd']);
  });

  it('skips SNs that cannot be in a topic and splits large sets into packets', () => {
    const osd = createOsdSubscriptions(() => undefined);
    const { client, packets } = fakeClient();
    osd.connected(client);
    const many = Array.from({ length: FILTERS_PER_PACKET * 2 + 1 }, (_, i) => `DOCK-${i}`);
    osd.watch([...many, 'bad/sn', '+', '#']);
    const subscribes = packets.filter((p) => p.kind === 'subscribe');
    expect(subscribes.map((p) => p.filters.length)).toEqual([FILTERS_PER_PACKET, FILTERS_PER_PACKET, 1]);
    expect(osd.wanted.size).toBe(many.length);
  });
});
