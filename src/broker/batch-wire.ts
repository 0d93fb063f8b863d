/**
 * A batch of decoded messages as it crosses from the broker worker to the page. The hot kinds,
 * ota_progress and osd, go as flat arrays of their fields; everything else as the object itself.
 * Structured cloning writes and rebuilds every object key by key, and an ota_progress is two
 * objects of twenty fields: in Chromium (structuredClone of a batch of 200, warmed up) the arrays,
 * packing and unpacking included, cost a fifth to a quarter less than the objects, 3-4 µs a message
 * against 3.5-5.5 µs. Most of what is left was the payload text the task log keeps, which the
 * worker now sends only for events that say something new (progress-text-filter.ts).
 */
import type { Decoded, MessageMeta, OsdDecoded, OtaProgressDecoded } from '../protocol/messages.ts';

type PackedMeta = [
  topic: MessageMeta['topic'],
  family: MessageMeta['family'],
  sn: MessageMeta['sn'],
  gateway: MessageMeta['gateway'],
  tid: MessageMeta['tid'],
  bid: MessageMeta['bid'],
  timestamp: MessageMeta['timestamp'],
  method: MessageMeta['method'],
  needReply: MessageMeta['needReply'],
  size: MessageMeta['size'],
  text: MessageMeta['text'],
];

const PROGRESS = 0;
const OSD = 1;

type PackedProgress = [
  tag: typeof PROGRESS,
  ...meta: PackedMeta,
  result: OtaProgressDecoded['result'],
  status: OtaProgressDecoded['status'],
  subStatus: OtaProgressDecoded['subStatus'],
  subStatusRaw: OtaProgressDecoded['subStatusRaw'],
  step: OtaProgressDecoded['step'],
  percent: OtaProgressDecoded['percent'],
  stepResult: OtaProgressDecoded['stepResult'],
  rate: OtaProgressDecoded['rate'],
];

type PackedOsd = [tag: typeof OSD, ...meta: PackedMeta, deviceSn: OsdDecoded['deviceSn'], modeCode: OsdDecoded['modeCode']];

/** One item of a batch on the wire: a packed hot kind, or any other decoded message as it is. */
export type WireItem = PackedProgress | PackedOsd | Exclude<Decoded, OtaProgressDecoded | OsdDecoded>;

function packMeta(m: MessageMeta, text: string = m.text): PackedMeta {
  return [m.topic, m.family, m.sn, m.gateway, m.tid, m.bid, m.timestamp, m.method, m.needReply, m.size, text];
}

function unpackMeta(p: PackedProgress | PackedOsd): MessageMeta {
  return {
    topic: p[1],
    family: p[2],
    sn: p[3],
    gateway: p[4],
    tid: p[5],
    bid: p[6],
    timestamp: p[7],
    method: p[8],
    needReply: p[9],
    size: p[10],
    text: p[11],
  };
}

/** What an ota_progress sends as its text (progress-text-filter.ts); by default all of it. */
export type ProgressText = (message: OtaProgressDecoded) => string;

const wholeText: ProgressText = (message) => message.meta.text;

export function packItem(d: Decoded, progressText: ProgressText = wholeText): WireItem {
  switch (d.kind) {
    case 'ota_progress':
      return [
        PROGRESS,
        ...packMeta(d.meta, progressText(d)),
        d.result,
        d.status,
        d.subStatus,
        d.subStatusRaw,
        d.step,
        d.percent,
        d.stepResult,
        d.rate,
      ];
    case 'osd':
      return [OSD, ...packMeta(d.meta), d.deviceSn, d.modeCode];
    default:
      return d;
  }
}

export function packBatch(batch: readonly Decoded[], progressText: ProgressText = wholeText): WireItem[] {
  return batch.map((d) => packItem(d, progressText));
}

export function unpackItem(item: WireItem): Decoded {
  if (!Array.isArray(item)) return item;
  // Indexes follow the tuple types above: the tag, the 11 meta fields, then the kind's own (from 12).
  if (item[0] === PROGRESS) {
    const p = item;
    return {
      kind: 'ota_progress',
      meta: unpackMeta(p),
      result: p[12],
      status: p[13],
      subStatus: p[14],
      subStatusRaw: p[15],
      step: p[16],
      percent: p[17],
      stepResult: p[18],
      rate: p[19],
    };
  }
  return { kind: 'osd', meta: unpackMeta(item), deviceSn: item[12], modeCode: item[13] };
}

export function unpackBatch(items: readonly WireItem[]): Decoded[] {
  return items.map(unpackItem);
}
