/**
 * The publisher process: N simulated gateways sending ota_progress at 1 Hz each, built with the
 * protocol's own builders, and with the mix load every dock's osd (every 2 s) and state (plan.ts).
 * Runs in its own process so building 10,000 messages/s does not share an event loop with the
 * harness that drives the browser.
 */
import mqtt, { type MqttClient } from 'mqtt';
import { v4 as uuidv4 } from 'uuid';
import { buildOtaProgress, encodeMessage } from '../../src/protocol/builders.ts';
import { eventsTopic, osdTopic, stateTopic } from '../../src/protocol/topics.ts';
import { dockOsdData, dockStateData, propertyMessage } from './dock-telemetry.ts';
import {
  gatewaySns,
  idleDockSns,
  isProbe,
  messageOffsetMs,
  progressAt,
  STATE_EVERY_ROUNDS,
  streamAt,
  streamTotal,
  type Stream,
} from './plan.ts';
import type { FromPublisher, ProbePublish, PublisherInit, PublisherRun, RunReport, ToPublisher } from './protocol.ts';

const TICK_MS = 2;
const ACK_WAIT_MS = 15_000;

function send(message: FromPublisher) {
  process.send?.(message);
}

interface Fleet {
  client: MqttClient;
  init: PublisherInit;
  sns: string[];
  topics: string[];
  bids: string[];
  /** Every dock (mix load; empty otherwise), upgrading ones spread evenly among the idle ones. */
  docks: { sn: string; aircraftSn: string; upgrading: boolean; osdTopic: string; stateTopic: string }[];
}

const OSD_EVERY_ROUNDS = 2;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function connect(init: PublisherInit): Promise<Fleet> {
  const client = await mqtt.connectAsync(init.url, { protocolVersion: 4, clean: true, reconnectPeriod: 0 });
  const sns = gatewaySns(init);
  const docks: Fleet['docks'] = [];
  if (init.load === 'mix') {
    const idle = idleDockSns(init.docks - sns.length);
    let u = 0;
    let d = 0;
    for (let j = 0; j < init.docks; j++) {
      const upgrading = Math.floor(((j + 1) * sns.length) / init.docks) > Math.floor((j * sns.length) / init.docks);
      const sn = upgrading ? sns[u++]! : idle[d++]!;
      docks.push({ sn, aircraftSn: `${sn}A`, upgrading, osdTopic: osdTopic(sn), stateTopic: stateTopic(sn) });
    }
  }
  return { client, init, sns, topics: sns.map((sn) => eventsTopic(sn)), bids: sns.map(() => uuidv4()), docks };
}

function run(fleet: Fleet, schedule: PublisherRun): Promise<RunReport> {
  const { client, init, sns, topics, bids, docks } = fleet;
  const total = schedule.rounds * init.gateways;
  // osd and state of every dock, spread over each round like the progress (mix load only).
  const osdStream: Stream = { count: docks.length, everyRounds: OSD_EVERY_ROUNDS, spreadMs: schedule.spreadMs };
  const stateStream: Stream = { count: docks.length, everyRounds: STATE_EVERY_ROUNDS, spreadMs: schedule.spreadMs };
  const osdTotal = docks.length === 0 ? 0 : streamTotal(osdStream, schedule.rounds);
  const stateTotal = docks.length === 0 ? 0 : streamTotal(stateStream, schedule.rounds);
  let osdSent = 0;
  let stateSent = 0;
  const probePublishes: ProbePublish[] = [];
  const lags: number[] = [];
  let m = 0;
  let acked = 0;
  const startedAt = Date.now() + 20;
  const ids = { uuid: uuidv4, now: () => Date.now() };
  const onAck = (error?: Error) => {
    if (!error) acked += 1;
  };

  return new Promise((resolve) => {
    const finish = () => {
      const endedAt = Date.now();
      const wantFinal = new Set(schedule.sample);
      const finals: RunReport['finals'] = {};
      const lastRound = Math.floor((total - 1) / init.gateways);
      sns.forEach((sn, i) => {
        if (!isProbe(sn) && !wantFinal.has(sn)) return;
        // The last round reached gateway i only if i comes before where the run stopped.
        const round = i <= (total - 1) % init.gateways ? lastRound : lastRound - 1;
        if (round >= 0) finals[sn] = progressAt(round, schedule);
      });
      const deadline = Date.now() + ACK_WAIT_MS;
      const waitAcks = () => {
        if (init.qos === 0 || acked >= total || Date.now() > deadline) {
          lags.sort((a, b) => a - b);
          resolve({
            type: 'done',
            offered: total,
            osdOffered: osdSent,
            stateOffered: stateSent,
            acked: init.qos === 0 ? total : acked,
            lagP99Ms: Math.round(percentile(lags, 99)),
            lagMaxMs: Math.round(lags.at(-1) ?? 0),
            startedAt,
            endedAt,
            probePublishes,
            finals,
          });
        } else setTimeout(waitAcks, 20);
      };
      waitAcks();
    };
    const tick = () => {
      const now = Date.now();
      while (m < total && startedAt + messageOffsetMs(m, init.gateways, schedule) <= now) {
        const round = Math.floor(m / init.gateways);
        const i = m % init.gateways;
        const { step, percent } = progressAt(round, schedule);
        const sn = sns[i]!;
        const message = buildOtaProgress({ bid: bids[i]!, status: 'in_progress', percent, step, gateway: sn }, ids);
        client.publish(topics[i]!, encodeMessage(message), { qos: init.qos }, onAck);
        if (isProbe(sn)) probePublishes.push({ sn, step, percent, at: message.timestamp });
        lags.push(now - (startedAt + messageOffsetMs(m, init.gateways, schedule)));
        m += 1;
      }
      for (let next = osdSent < osdTotal ? streamAt(osdStream, osdSent) : null; next && startedAt + next.offsetMs <= now;) {
        const dock = docks[next.sender]!;
        client.publish(dock.osdTopic, propertyMessage(dock.sn, dockOsdData(dock.aircraftSn, dock.upgrading, osdSent), now), { qos: 0 });
        osdSent += 1;
        next = osdSent < osdTotal ? streamAt(osdStream, osdSent) : null;
      }
      for (let next = stateSent < stateTotal ? streamAt(stateStream, stateSent) : null; next && startedAt + next.offsetMs <= now;) {
        const dock = docks[next.sender]!;
        client.publish(dock.stateTopic, propertyMessage(dock.sn, dockStateData('10.01.1612', dock.upgrading, stateSent), now), { qos: 0 });
        stateSent += 1;
        next = stateSent < stateTotal ? streamAt(stateStream, stateSent) : null;
      }
      if (m < total || osdSent < osdTotal || stateSent < stateTotal) setTimeout(tick, TICK_MS);
      else finish();
    };
    setTimeout(tick, Math.max(0, startedAt - Date.now()));
  });
}

let fleet: Fleet | null = null;

process.on('message', (raw: ToPublisher) => {
  void (async () => {
    try {
      if (raw.type === 'init') {
        fleet = await connect(raw);
        send({ type: 'ready' });
      } else if (raw.type === 'run') {
        if (!fleet) throw new Error('run before init');
        send(await run(fleet, raw));
      } else {
        await fleet?.client.endAsync(true);
        process.exit(0);
      }
    } catch (error) {
      send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  })();
});
// The harness going away (crash, Ctrl-C) must not leave a publisher flooding a broker.
process.on('disconnect', () => process.exit(0));
