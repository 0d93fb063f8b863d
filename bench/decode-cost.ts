/**
 * npx tsx bench/decode-cost.ts: what decoding one message costs the broker worker, per kind, with
 * the fast path (decode) and through the zod schemas alone (decodeWithSchemasOnly), on the bench's
 * own messages: a 1 Hz ota_progress and a dock osd of the mix load. Node's V8, one thread: a
 * guide to where the decoder's time goes, not the page's numbers.
 */
import { v4 as uuidv4 } from 'uuid';
import { buildOtaProgress, encodeMessage } from '../src/protocol/builders.ts';
import { decode, decodeWithSchemasOnly } from '../src/protocol/decode.ts';
import { eventsTopic, osdTopic, stateTopic } from '../src/protocol/topics.ts';
import { UpgradeIdMemory } from '../src/protocol/upgrade-ids.ts';
import { dockOsdData, dockStateData, propertyMessage } from './publisher/dock-telemetry.ts';

const encoder = new TextEncoder();
const ids = { uuid: uuidv4, now: () => Date.now() };

interface Case {
  name: string;
  topic: string;
  payloads: Uint8Array[];
}

function cases(): Case[] {
  const n = 200;
  const gateway = 'BGW00001';
  const progress = Array.from({ length: n }, (_, i) =>
    encoder.encode(
      encodeMessage(buildOtaProgress({ bid: uuidv4(), status: 'in_progress', percent: i % 100, step: 'download_firmware', gateway }, ids)),
    ),
  );
  const osd = Array.from({ length: n }, (_, i) =>
    encoder.encode(propertyMessage(gateway, dockOsdData(`${gateway}A`, i % 2 === 0, i), Date.now())),
  );
  const state = Array.from({ length: n }, (_, i) =>
    encoder.encode(propertyMessage(gateway, dockStateData('10.01.1612', i % 2 === 0, i), Date.now())),
  );
  return [
    { name: 'ota_progress', topic: eventsTopic(gateway), payloads: progress },
    { name: 'osd (dock)', topic: osdTopic(gateway), payloads: osd },
    { name: 'state', topic: stateTopic(gateway), payloads: state },
  ];
}

function microsPerMessage(run: typeof decode, c: Case, rounds: number): number {
  const known = new UpgradeIdMemory();
  const started = performance.now();
  let sink = 0;
  for (let r = 0; r < rounds; r++) for (const payload of c.payloads) sink += run(c.topic, payload, undefined, known).kind.length;
  const elapsed = performance.now() - started;
  if (sink === 0) throw new Error('nothing decoded');
  return (elapsed * 1000) / (rounds * c.payloads.length);
}

for (const c of cases()) {
  const bytes = Math.round(c.payloads.reduce((s, p) => s + p.byteLength, 0) / c.payloads.length);
  // Warm both paths up to the optimizing compiler first.
  microsPerMessage(decode, c, 50);
  microsPerMessage(decodeWithSchemasOnly, c, 50);
  const fast = microsPerMessage(decode, c, 200);
  const schemas = microsPerMessage(decodeWithSchemasOnly, c, 200);
  console.log(
    `${c.name.padEnd(14)} ${String(bytes).padStart(5)} B  fast path ${fast.toFixed(2)} us  schemas only ${schemas.toFixed(2)} us`,
  );
}
