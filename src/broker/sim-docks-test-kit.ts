/** Simulated docks for broker tests: they accept every ota_create, finish it, and count what the broker carried. */
import mqtt, { type MqttClient } from 'mqtt';

let serial = 0;

export interface SimDocks {
  /** Every ota_create the broker carried: gateway and bid, in order. */
  readonly creates: { gateway: string; bid: string; tid: string; timestamp: number }[];
  /** The dock reports this osd mode_code (0 idle, 4 working), and its aircraft this one when given (0 standby, 5 wayline flight). */
  reportMode(gateway: string, dockMode: number, aircraft?: { sn: string; mode: number }): Promise<void>;
  stop(): Promise<void>;
}

/** Docks that accept every ota_create and finish it `finishMs` later. */
export async function startSimDocks(url: string, finishMs = 300): Promise<SimDocks> {
  const client: MqttClient = await mqtt.connectAsync(url, { clientId: `docks-${process.pid}-${++serial}`.slice(0, 23) });
  const creates: SimDocks['creates'] = [];
  await client.subscribeAsync('thing/product/+/services', { qos: 1 });
  const timers = new Set<ReturnType<typeof setTimeout>>();
  client.on('message', (topic, payload) => {
    const gateway = /^thing\/product\/([^/]+)\/services$/.exec(topic)?.[1];
    if (gateway === undefined) return;
    const m = JSON.parse(payload.toString('utf8')) as { tid: string; bid: string; timestamp: number; method: string };
    if (m.method !== 'ota_create') return;
    creates.push({ gateway, bid: m.bid, tid: m.tid, timestamp: m.timestamp });
    const reply = { tid: m.tid, bid: m.bid, timestamp: Date.now(), method: 'ota_create', data: { result: 0, output: { status: 'sent' } } };
    void client.publishAsync(`thing/product/${gateway}/services_reply`, JSON.stringify(reply), { qos: 1 });
    const timer = setTimeout(() => {
      timers.delete(timer);
      const done = {
        tid: m.tid,
        bid: m.bid,
        timestamp: Date.now(),
        method: 'ota_progress',
        data: { result: 0, output: { status: 'ok', progress: { percent: 100 } } },
      };
      void client.publishAsync(`thing/product/${gateway}/events`, JSON.stringify(done), { qos: 1 });
    }, finishMs);
    timers.add(timer);
  });
  const osd = (sn: string, gateway: string, mode: number) =>
    client.publishAsync(
      `thing/product/${sn}/osd`,
      JSON.stringify({ tid: `osd-${Date.now()}`, bid: `osd-${Date.now()}`, timestamp: Date.now(), gateway, data: { mode_code: mode } }),
      { qos: 1 },
    );
  return {
    creates,
    async reportMode(gateway, dockMode, aircraft) {
      await osd(gateway, gateway, dockMode);
      if (aircraft !== undefined) await osd(aircraft.sn, gateway, aircraft.mode);
    },
    async stop() {
      for (const t of timers) clearTimeout(t);
      await client.endAsync();
    },
  };
}
