import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer, type RawData } from 'ws';

export interface Mqtt311Front {
  /** Where the page connects: ws://127.0.0.1:PORT/ws. */
  readonly url: string;
  /** The protocol level of every CONNECT the page sent (5, or 4 for 3.1.1), in order. */
  readonly connectVersions: readonly number[];
  close(): Promise<void>;
}

/** Protocol level of a CONNECT packet from its first bytes, or null when it is not one (yet). */
function connectLevel(head: Buffer): number | null {
  if (head.length < 2 || head[0] !== 0x10) return null;
  let offset = 1;
  while (offset < head.length && ((head[offset] ?? 0) & 0x80) !== 0) offset += 1;
  offset += 1;
  if (offset + 2 > head.length) return null;
  return head[offset + 2 + head.readUInt16BE(offset)] ?? null;
}

const toBuffer = (data: RawData): Buffer => (Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer));

/**
 * A WebSocket front for a mosquitto that behaves like RabbitMQ 3.10's Web-MQTT plugin: an MQTT 5
 * CONNECT is dropped without a CONNACK (the socket just ends), a 3.1.1 one is relayed, and a login
 * the broker refuses ends with a WebSocket close 1002 "unauthenticated" instead of the CONNACK.
 */
export async function startMqtt311Front(targetWsUrl: string): Promise<Mqtt311Front> {
  const connectVersions: number[] = [];
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });

  server.on('connection', (page) => {
    page.on('error', () => undefined);
    let head = Buffer.alloc(0);
    let upstream: WebSocket | null = null;
    const pending: Buffer[] = [];

    const relay = () => {
      const broker = new WebSocket(targetWsUrl, 'mqtt');
      upstream = broker;
      broker.on('error', () => page.terminate());
      broker.on('close', () => page.close());
      page.on('close', () => broker.close());
      let first = true;
      broker.on('message', (data) => {
        const packet = toBuffer(data);
        // CONNACK of 3.1.1: 0x20, length 2, flags, return code. A refusal becomes RabbitMQ's close frame.
        if (first && packet[0] === 0x20 && (packet[3] ?? 0) !== 0) {
          page.close(1002, 'unauthenticated');
          broker.close();
          return;
        }
        first = false;
        page.send(packet);
      });
      broker.on('open', () => {
        for (const chunk of pending.splice(0)) broker.send(chunk);
      });
    };

    page.on('message', (data) => {
      const chunk = toBuffer(data);
      if (upstream !== null) {
        if (upstream.readyState === WebSocket.OPEN) upstream.send(chunk);
        else pending.push(chunk);
        return;
      }
      // MQTT.js may write a CONNECT in several frames: gather until the level byte is in.
      head = Buffer.concat([head, chunk]);
      const level = connectLevel(head);
      if (level === null && head.length < 64) return;
      if (level !== null) connectVersions.push(level);
      if (level === 5) {
        // RabbitMQ 3.10's connection process crashes on it: no CONNACK, no close frame.
        page.terminate();
        return;
      }
      pending.push(head);
      relay();
    });
  });

  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/ws`,
    connectVersions,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}
