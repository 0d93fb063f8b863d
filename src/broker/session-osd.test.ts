import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildOsd } from '../protocol/device-builders.ts';
import { osdTopic } from '../protocol/topics.ts';
import { startAedesWsBroker, type AedesWsBroker } from './aedes-broker-test-kit.ts';
import { openSession, SESSION_VIAS, type SessionFixture, type SessionVia } from './session-test-kit.ts';

const WAIT = { timeout: 5_000, interval: 20 };

const brokers: AedesWsBroker[] = [];
const fixtures: SessionFixture[] = [];

afterEach(async () => {
  await Promise.all(fixtures.splice(0).map((f) => f.session.close()));
  await Promise.all(brokers.splice(0).map((b) => b.close()));
});

const osdFrom = (f: SessionFixture) => f.received.flatMap((m) => (m.kind === 'osd' ? [`${m.deviceSn}:${m.modeCode}`] : []));

describe.each(SESSION_VIAS)('broker session (%s) with osd of watched devices only', { timeout: 15_000 }, (via: SessionVia) => {
  it('receives the osd of the devices it watches, none of the others, and stops when told', async () => {
    const subscribed: string[] = [];
    const b = await startAedesWsBroker({
      hooks: {
        authorizeSubscribe: (_client, sub, done) => {
          subscribed.push(sub.topic);
          done(null, sub);
        },
      },
    });
    brokers.push(b);
    const f = openSession({ url: b.url, osd: 'watched' }, via);
    fixtures.push(f);
    await vi.waitFor(() => expect(f.connection.getState().phase).toBe('connected'), WAIT);
    expect(subscribed).not.toContain('thing/product/+/osd');

    f.session.watchOsd(['DOCK-A']);
    await vi.waitFor(() => expect(subscribed).toContain('thing/product/DOCK-A/osd'), WAIT);
    await b.publish(osdTopic('DOCK-B'), JSON.stringify(buildOsd({ gateway: 'DOCK-B', modeCode: 3 })));
    await b.publish(osdTopic('DOCK-A'), JSON.stringify(buildOsd({ gateway: 'DOCK-A', modeCode: 3 })));
    await vi.waitFor(() => expect(osdFrom(f)).toEqual(['DOCK-A:3']), WAIT);

    f.session.watchOsd([]);
    // The UNSUBACK is not observable here; what the broker delivers afterwards is.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await b.publish(osdTopic('DOCK-A'), JSON.stringify(buildOsd({ gateway: 'DOCK-A', modeCode: 0 })));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(osdFrom(f)).toEqual(['DOCK-A:3']);
  });

  it("keeps every device's osd by default (the headless runner and older callers)", async () => {
    const b = await startAedesWsBroker();
    brokers.push(b);
    const f = openSession({ url: b.url }, via);
    fixtures.push(f);
    await vi.waitFor(() => expect(f.connection.getState().phase).toBe('connected'), WAIT);
    f.session.watchOsd([]);
    await b.publish(osdTopic('DOCK-C'), JSON.stringify(buildOsd({ gateway: 'DOCK-C', modeCode: 0 })));
    await vi.waitFor(() => expect(osdFrom(f)).toEqual(['DOCK-C:0']), WAIT);
  });
});
