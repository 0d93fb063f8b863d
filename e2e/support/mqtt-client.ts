import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';

export interface ReceivedMessage {
  readonly topic: string;
  readonly payload: Buffer;
  /** The payload parsed as JSON (throws when it is not JSON). */
  json(): unknown;
}

export interface TestMqttClient {
  /** The underlying MQTT.js client, for anything the helpers below do not cover. */
  readonly client: MqttClient;
  /** Everything received so far on this client's subscriptions, oldest first. */
  readonly messages: readonly ReceivedMessage[];
  /** Objects are sent as JSON; strings and Buffers as they are. Resolves on PUBACK for QoS 1. */
  publish(topic: string, payload: unknown, options?: { qos?: 0 | 1; retain?: boolean }): Promise<void>;
  /** Resolves on SUBACK; rejects when the broker refuses the filter. */
  subscribe(filter: string, qos?: 0 | 1): Promise<void>;
  /**
   * The first message (already received or arriving later) matching `predicate`. Polls the
   * record rather than racing a listener, so a message that arrived before the call still counts.
   */
  waitForMessage(predicate: (message: ReceivedMessage) => boolean, timeoutMs?: number): Promise<ReceivedMessage>;
  end(): Promise<void>;
}

let counter = 0;

/**
 * A Node MQTT client for a test: publishes device traffic and spies on what the page publishes.
 * MQTT 5 by default; pass `protocolVersion: 4` for 3.1.1.
 */
export async function mqttClient(url: string, options: IClientOptions = {}): Promise<TestMqttClient> {
  const client = await mqtt.connectAsync(url, {
    clientId: `e2e-${process.pid}-${++counter}-${Date.now().toString(36)}`,
    protocolVersion: 5,
    reconnectPeriod: 0,
    connectTimeout: 5_000,
    ...options,
  });
  const messages: ReceivedMessage[] = [];
  client.on('message', (topic, payload) => {
    messages.push({ topic, payload, json: () => JSON.parse(payload.toString('utf8')) as unknown });
  });

  return {
    client,
    messages,
    publish: async (topic, payload, { qos = 1, retain = false } = {}) => {
      const body = typeof payload === 'string' || Buffer.isBuffer(payload) ? payload : JSON.stringify(payload);
      await client.publishAsync(topic, body, { qos, retain });
    },
    subscribe: async (filter, qos = 1) => {
      const granted = await client.subscribeAsync(filter, { qos });
      const refused = granted.find((g) => g.qos >= 0x80);
      if (refused) throw new Error(`broker refused subscription ${filter} (reason ${refused.qos})`);
    },
    waitForMessage: async (predicate, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      let seen = 0;
      for (;;) {
        for (; seen < messages.length; seen++) {
          if (predicate(messages[seen]!)) return messages[seen]!;
        }
        if (Date.now() > deadline) {
          throw new Error(
            `no matching MQTT message within ${timeoutMs} ms (received ${messages.length}: ${messages.map((m) => m.topic).join(', ')})`,
          );
        }
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    end: () => client.endAsync(true),
  };
}
