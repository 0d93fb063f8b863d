import { expect, test } from './support/fixtures';

// The rig itself: if these fail, every other spec's failure is suspect. No browser is launched.

test('the broker relays between TCP and WebSocket clients', async ({ broker, mqttClient }) => {
  const wsSubscriber = await mqttClient(broker.wsUrl);
  await wsSubscriber.subscribe('rig/+/events');
  const publisher = await mqttClient(broker.tcpUrl);
  await publisher.publish('rig/DOCK1/events', { method: 'ping', n: 1 });

  const message = await wsSubscriber.waitForMessage((m) => m.topic === 'rig/DOCK1/events');
  expect(message.json()).toEqual({ method: 'ping', n: 1 });
});

test('a stopped broker comes back on the same ports', async ({ broker, mqttClient }) => {
  const before = { port: broker.port, wsPort: broker.wsPort };
  await broker.stop();
  await expect(mqttClient(broker.tcpUrl)).rejects.toThrow();

  await broker.start();
  expect({ port: broker.port, wsPort: broker.wsPort }).toEqual(before);
  const client = await mqttClient(broker.wsUrl);
  await client.subscribe('rig/#');
  await client.publish('rig/back', 'yes');
  await client.waitForMessage((m) => m.topic === 'rig/back');
});

test('payloads over the size limit are dropped and the publisher keeps going', async ({ broker, mqttClient }) => {
  const subscriber = await mqttClient(broker.wsUrl);
  await subscriber.subscribe('rig/size');
  const publisher = await mqttClient(broker.tcpUrl);

  await publisher.publish('rig/size', Buffer.alloc(400_000, 0x61), { qos: 0 });
  await publisher.publish('rig/size', 'small', { qos: 1 });

  await subscriber.waitForMessage((m) => m.payload.toString() === 'small');
  expect(subscriber.messages.map((m) => m.payload.length)).toEqual([5]);
  expect(publisher.client.connected).toBe(true);
});

test('the build is served as plain static files', async ({ request }) => {
  const index = await request.get('/');
  expect(index.status()).toBe(200);
  expect(index.headers()['content-type']).toContain('text/html');
  expect(await index.text()).toContain('<div id="root">');

  // No SPA fallback: an optional config.json that is absent must be a 404, not index.html.
  expect((await request.get('/config.json')).status()).toBe(404);
  expect((await request.get('/..%2f..%2fetc/passwd')).status()).not.toBe(200);
});
