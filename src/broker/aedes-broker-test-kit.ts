/**
 * A real MQTT 3.1.1 broker (aedes) behind a WebSocket server on a free port, for the broker tests.
 * The port outlives restarts of the broker behind it, so a session can reconnect to "the same"
 * broker after its state was wiped.
 */
import { Aedes, type AedesOptions, type AedesPublishPacket, type Client } from 'aedes';
import type { AddressInfo } from 'node:net';
import { createWebSocketStream, WebSocketServer, type WebSocket } from 'ws';

export interface AedesWsBrokerOptions {
  hooks?: Pick<AedesOptions, 'authenticate' | 'authorizeSubscribe'>;
  /**
   * Hang up on an MQTT 5 CONNECT without answering, as some 3.1.1-only brokers do (aedes itself
   * answers with CONNACK "unacceptable protocol version").
   */
  closeOnMqtt5Connect?: boolean;
  /**
   * Refuse a login the authenticate hook rejects by closing the WebSocket with this code and
   * reason instead of a CONNACK, as RabbitMQ's Web-MQTT plugin does (1002 "unauthenticated").
   */
  closeOnFailedLogin?: { code: number; reason: string };
}

export interface PublishedByClient {
  clientId: string;
  topic: string;
  payload: string;
}

export interface AedesWsBroker {
  readonly url: string;
  readonly broker: Aedes;
  /** Every PUBLISH a client (not the broker itself) sent, in order. */
  readonly publishedByClients: readonly PublishedByClient[];
  /** Protocol level of every CONNECT seen (including refused ones), in order. */
  readonly connectVersions: readonly number[];
  publish(topic: string, payload: string | Buffer, qos?: 0 | 1): Promise<void>;
  /** Cuts every open connection; with accepting=false, new ones are cut too until re-enabled. */
  dropConnections(): void;
  setAccepting(accepting: boolean): void;
  /** Replaces the broker by a fresh one (no sessions, no subscriptions) on the same port. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** Protocol level of a CONNECT packet's first bytes, or null when it is not one. */
function connectProtocolLevel(chunk: Buffer): number | null {
  if (chunk.length < 2 || chunk[0] !== 0x10) return null;
  let offset = 1;
  while (offset < chunk.length && ((chunk[offset] ?? 0) & 0x80) !== 0) offset += 1;
  offset += 1;
  if (offset + 2 > chunk.length) return null;
  const nameLength = chunk.readUInt16BE(offset);
  const levelAt = offset + 2 + nameLength;
  return chunk[levelAt] ?? null;
}

export async function startAedesWsBroker(options: AedesWsBrokerOptions = {}): Promise<AedesWsBroker> {
  const publishedByClients: PublishedByClient[] = [];
  const connectVersions: number[] = [];
  let accepting = true;
  const socketOf = new WeakMap<Client, WebSocket>();

  const hooks = (): AedesWsBrokerOptions['hooks'] => {
    const authenticate = options.hooks?.authenticate;
    const closeWith = options.closeOnFailedLogin;
    if (authenticate === undefined || closeWith === undefined) return options.hooks;
    return {
      ...options.hooks,
      authenticate: (client, username, password, done) =>
        authenticate(client, username, password, (error, success) => {
          if (error === null && success) done(null, true);
          else socketOf.get(client)?.close(closeWith.code, closeWith.reason);
        }),
    };
  };

  const createBroker = async () => {
    const broker = await Aedes.createBroker({ ...hooks() });
    broker.on('publish', (packet: AedesPublishPacket, client: Client | null) => {
      if (client) publishedByClients.push({ clientId: client.id, topic: packet.topic, payload: packet.payload.toString() });
    });
    return broker;
  };
  let broker = await createBroker();

  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve, reject) => {
    wss.once('listening', resolve);
    wss.once('error', reject);
  });
  const sockets = new Set<WebSocket>();

  wss.on('connection', (ws, request) => {
    if (!accepting) {
      ws.close();
      return;
    }
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    const stream = createWebSocketStream(ws);
    stream.on('error', () => undefined);
    // MQTT.js writes a CONNECT in several WebSocket frames: gather until the level byte is in.
    let head = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const level = connectProtocolLevel(head);
      if (level === null && head.length < 64) return;
      stream.off('data', onData);
      if (level !== null) connectVersions.push(level);
      if (options.closeOnMqtt5Connect && level === 5) {
        ws.close();
        return;
      }
      stream.pause();
      stream.unshift(head);
      socketOf.set(broker.handle(stream, request), ws);
    };
    stream.on('data', onData);
  });

  const port = (wss.address() as AddressInfo).port;

  const dropConnections = () => {
    for (const ws of sockets) ws.terminate();
  };
  const closeBroker = (b: Aedes) => new Promise<void>((resolve) => b.close(() => resolve()));

  return {
    url: `ws://127.0.0.1:${port}/mqtt`,
    get broker() {
      return broker;
    },
    publishedByClients,
    connectVersions,
    publish: (topic, payload, qos = 1) =>
      new Promise<void>((resolve, reject) => {
        broker.publish(
          { cmd: 'publish', topic, payload: typeof payload === 'string' ? Buffer.from(payload) : payload, qos, retain: false, dup: false },
          (error) => (error ? reject(error) : resolve()),
        );
      }),
    dropConnections,
    setAccepting(value) {
      accepting = value;
    },
    async restart() {
      dropConnections();
      await closeBroker(broker);
      broker = await createBroker();
    },
    async close() {
      dropConnections();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await closeBroker(broker);
    },
  };
}
