/**
 * A batch of decoded messages as it crosses from the broker worker to the page. The hot kinds,
 * ota_progress and osd, go as flat arrays of their fields; everything else as the object itself.
 * Structured cloning writes and rebuilds every object key by key, and an ota_progress is two
 * objects of twenty fields: in Chromium (structuredClone of a batch of 200, warmed up) the arrays,
 * packing and unpacking included, cost a fifth to a quarter less than the objects, 3-4 µs a message
 * against 3.5-5.5 µs. Most of what is left was the payload text the task log keeps, which the
 * worker now sends only for events that say something new (progress-text-filter.ts).
 *
 * A string crosses as a new string on the page's heap, message after message, and at 10,000
 * messages a second those were most of what the page's young-generation collector swept. So the
 * words of closed vocabularies (topic family, status, sub-status, step, the method of a hot kind)
 * cross as their index in the vocabulary, and a gateway that is the topic's SN as SAME_AS_SN.
 */
import type { Decoded, MessageMeta, OsdDecoded, OtaProgressDecoded } from '../protocol/messages.ts';
import { STEP_KEYS, SUB_STATUSES, TASK_STATUSES } from '../protocol/status.ts';
import { TOPIC_FAMILIES } from '../protocol/topics.ts';

/** A word of a closed vocabulary, as its index there. */
type WordIndex = number;

/** Index lookups for the worker's side; the lists themselves are the page's. */
function indexer<T>(words: readonly T[]): Map<T, WordIndex> {
  return new Map(words.map((word, i) => [word, i]));
}

const FAMILY = indexer(TOPIC_FAMILIES);
const STATUS = indexer(TASK_STATUSES);
const SUB_STATUS = indexer<string>(SUB_STATUSES);
const STEP = indexer(STEP_KEYS);
/** Methods the hot kinds carry; any other crosses as text. */
const METHODS = ['ota_progress'] as const;
const METHOD = indexer<string>(METHODS);

/** Sender and receiver are one build: an index that names no word is a bug, not bad input. */
function wordAt<T>(words: readonly T[], index: WordIndex): T {
  const word = words[index];
  if (word === undefined) throw new Error(`batch wire: no word at index ${index}`);
  return word;
}

function closedWord<T>(index: Map<T, WordIndex>, word: T): WordIndex {
  const i = index.get(word);
  if (i === undefined) throw new Error(`batch wire: ${String(word)} is not in its vocabulary`);
  return i;
}

function nullableWord<T>(index: Map<T, WordIndex>, word: T | null): WordIndex | null {
  return word === null ? null : closedWord(index, word);
}

function wordOrNull<T>(words: readonly T[], packed: WordIndex | null): T | null {
  return packed === null ? null : wordAt(words, packed);
}

/** Text that is usually a known word: the index when it is one, else the text itself. */
function openWord(index: Map<string, WordIndex>, text: string | null): WordIndex | string | null {
  return text === null ? null : (index.get(text) ?? text);
}

function openText(words: readonly string[], packed: WordIndex | string | null): string | null {
  return typeof packed === 'number' ? wordAt(words, packed) : packed;
}

/** Stands for a gateway that is the topic's own SN (every gateway-topic message). */
const SAME_AS_SN = 0;

type PackedMeta = [
  topic: MessageMeta['topic'],
  family: WordIndex,
  sn: MessageMeta['sn'],
  gateway: MessageMeta['gateway'] | typeof SAME_AS_SN,
  tid: MessageMeta['tid'],
  bid: MessageMeta['bid'],
  timestamp: MessageMeta['timestamp'],
  method: WordIndex | string | null,
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
  status: WordIndex,
  subStatus: WordIndex | null,
  subStatusRaw: WordIndex | string | null,
  step: WordIndex | null,
  percent: OtaProgressDecoded['percent'],
  stepResult: OtaProgressDecoded['stepResult'],
  rate: OtaProgressDecoded['rate'],
];

type PackedOsd = [tag: typeof OSD, ...meta: PackedMeta, deviceSn: OsdDecoded['deviceSn'], modeCode: OsdDecoded['modeCode']];

/** One item of a batch on the wire: a packed hot kind, or any other decoded message as it is. */
export type WireItem = PackedProgress | PackedOsd | Exclude<Decoded, OtaProgressDecoded | OsdDecoded>;

function packMeta(m: MessageMeta, text: string = m.text): PackedMeta {
  return [
    m.topic,
    closedWord(FAMILY, m.family),
    m.sn,
    m.gateway === m.sn ? SAME_AS_SN : m.gateway,
    m.tid,
    m.bid,
    m.timestamp,
    openWord(METHOD, m.method),
    m.needReply,
    m.size,
    text,
  ];
}

function unpackMeta(p: PackedProgress | PackedOsd): MessageMeta {
  const sn = p[3];
  return {
    topic: p[1],
    family: wordAt(TOPIC_FAMILIES, p[2]),
    sn,
    gateway: p[4] === SAME_AS_SN ? sn : p[4],
    tid: p[5],
    bid: p[6],
    timestamp: p[7],
    method: openText(METHODS, p[8]),
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
        closedWord(STATUS, d.status),
        nullableWord(SUB_STATUS, d.subStatus),
        openWord(SUB_STATUS, d.subStatusRaw),
        nullableWord(STEP, d.step),
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
      status: wordAt(TASK_STATUSES, p[13]),
      subStatus: wordOrNull(SUB_STATUSES, p[14]),
      subStatusRaw: openText(SUB_STATUSES, p[15]),
      step: wordOrNull(STEP_KEYS, p[16]),
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
