/**
 * A seeded generator of hostile device traffic for the page's subscriptions: invalid UTF-8, deep
 * nesting, huge strings, wrong types, HTML/script in every string field, prototype keys and
 * hostile topic levels. Deterministic for a seed, so a failure can be replayed.
 */

export type HostileCategory =
  | 'invalid-utf8'
  | 'deep-nesting'
  | 'huge-string'
  | 'over-broker-limit'
  | 'wrong-types'
  | 'html-in-strings'
  | 'prototype-keys'
  | 'not-an-object'
  | 'hostile-topic';

export interface HostileMessage {
  readonly topic: string;
  readonly payload: Buffer;
  readonly category: HostileCategory;
}

/** What a string field gets replaced with: markup that runs script if anything renders it as HTML. */
export const HTML_PAYLOADS: readonly string[] = [
  '<img src=x onerror="window.__hostile=1">',
  '<script>window.__hostile=1</script>',
  '<svg onload="window.__hostile=1"></svg>',
  '"><img src=x onerror=alert(1)>',
  '<a href="javascript:window.__hostile=1">click</a>',
  '<iframe srcdoc="<script>parent.__hostile=1</script>"></iframe>',
  "'-confirm(1)-'",
  '{{constructor.constructor("window.__hostile=1")()}}',
];

const FAMILY_TOPIC: Readonly<Record<string, string>> = {
  services: 'thing/product/{sn}/services',
  services_reply: 'thing/product/{sn}/services_reply',
  events: 'thing/product/{sn}/events',
  status: 'sys/product/{sn}/status',
  state: 'thing/product/{sn}/state',
  osd: 'thing/product/{sn}/osd',
};
export const HOSTILE_FAMILIES = Object.keys(FAMILY_TOPIC);

/** mulberry32: small, fast and good enough to pick test cases. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Well-formed messages of each family: the shapes hostile variants are made from. */
function template(family: string, gateway: string, n: number): { [key: string]: Json } {
  const envelope = { tid: `tid-${n}`, bid: `bid-hostile-${n}`, timestamp: 1_700_000_000_000 + n, gateway };
  switch (family) {
    case 'services':
      return {
        ...envelope,
        method: 'ota_create',
        data: {
          devices: [
            {
              sn: gateway,
              product_version: '10.01.0001',
              file_url: 'http://127.0.0.1:9/fw.bin',
              md5: '0123456789abcdef0123456789abcdef',
              file_size: 1000,
              file_name: 'fw.bin',
              firmware_upgrade_type: 3,
            },
          ],
        },
      };
    case 'services_reply':
      return { ...envelope, method: 'ota_create', data: { result: 0, output: { status: 'sent' } } };
    case 'events':
      return {
        ...envelope,
        method: 'ota_progress',
        need_reply: 1,
        data: {
          result: 0,
          output: {
            status: 'in_progress',
            sub_status: 'DOWNLOADING',
            progress: { percent: n % 100, step_key: 'download_firmware' },
            ext: { rate: 1000 },
          },
        },
      };
    case 'status':
      return {
        ...envelope,
        method: 'update_topo',
        data: {
          domain: '3',
          type: 2,
          sub_type: 0,
          device_secret: 'secret',
          nonce: 'nonce',
          thing_version: '1.0',
          sub_devices: [
            { sn: `${gateway}-UAV`, domain: '0', type: 91, sub_type: 0, index: 'A', device_secret: 's', nonce: 'n', thing_version: '1.0' },
          ],
        },
      };
    case 'state':
      return { gateway, data: { firmware_version: '10.01.0001', compatible_status: 0, firmware_upgrade_status: 0 } };
    default:
      return { gateway, timestamp: envelope.timestamp, data: { mode_code: 3 } };
  }
}

/** A copy of `value` with every string leaf replaced. */
function mapStrings(value: Json, replace: (value: string) => Json, keep: ReadonlySet<string> = new Set()): Json {
  if (typeof value === 'string') return replace(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, replace, keep));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, keep.has(k) ? v : mapStrings(v, replace, keep)]));
  }
  return value;
}

function deepNesting(depth: number, random: () => number): string {
  const open = random() < 0.5 ? '[' : '{"a":';
  const close = open === '[' ? ']' : '}';
  return `{"method":"ota_progress","data":${open.repeat(depth)}1${close.repeat(depth)}}`;
}

/** Fields with a fixed set of values: markup everywhere else lets a message through to the screens. */
const ENUM_KEYS = ['method', 'status', 'step_key', 'domain', 'md5', 'file_url'];

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)]!;

/** Byte sequences no UTF-8 decoder accepts: lone continuation bytes, truncated and overlong forms. */
const BAD_UTF8: readonly number[][] = [
  [0xff],
  [0xfe, 0xff],
  [0xc3, 0x28],
  [0xe2, 0x82],
  [0xc0, 0xaf],
  [0xed, 0xa0, 0x80],
  [0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
];

const NOT_OBJECTS: readonly string[] = [
  '[]',
  '[{"method":"ota_progress"}]',
  '42',
  '"text"',
  'null',
  'true',
  '',
  '{',
  '{"tid":',
  'NaN',
  '{method:ota_progress}',
  '<html><script>window.__hostile=1</script></html>',
];

export interface HostileOptions {
  count: number;
  seed: number;
  /** Topic SNs the storm uses (valid SNs: the topic is accepted, the payload is the attack). */
  gateways: readonly string[];
  /** Payloads larger than this are made (the broker drops them); set from the broker's message_size_limit. */
  overLimitBytes: number;
  /** How many of each oversized kind: few, they are slow to move. */
  hugeCount?: number;
}

export function hostileMessages({ count, seed, gateways, overLimitBytes, hugeCount = 5 }: HostileOptions): HostileMessage[] {
  const random = seededRandom(seed);
  const messages: HostileMessage[] = [];
  const push = (category: HostileCategory, family: string, sn: string, payload: string | Buffer) => {
    const topic = FAMILY_TOPIC[family]!.replace('{sn}', sn);
    messages.push({ topic, payload: typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload, category });
  };

  for (let i = 0; i < hugeCount; i++) {
    const family = pick(HOSTILE_FAMILIES, random);
    const gateway = pick(gateways, random);
    // Past the broker's limit: it drops these, the page never sees them.
    push(
      'over-broker-limit',
      family,
      gateway,
      JSON.stringify({ ...template(family, gateway, i), junk: 'x'.repeat(overLimitBytes + 1000) }),
    );
    // Large but under every limit: delivered, parsed and shown nowhere dangerous.
    push('huge-string', family, gateway, JSON.stringify({ ...template(family, gateway, i), bid: '<b>'.repeat(60_000) }));
  }

  const categories: readonly HostileCategory[] = [
    'invalid-utf8',
    'deep-nesting',
    'wrong-types',
    'html-in-strings',
    'html-in-strings',
    'prototype-keys',
    'not-an-object',
    'hostile-topic',
  ];
  for (let n = messages.length; n < count; n++) {
    const family = pick(HOSTILE_FAMILIES, random);
    const gateway = pick(gateways, random);
    const base = template(family, gateway, n);
    const category = pick(categories, random);
    switch (category) {
      case 'invalid-utf8': {
        const text = Buffer.from(JSON.stringify(base), 'utf8');
        const at = Math.floor(random() * text.length);
        push(category, family, gateway, Buffer.concat([text.subarray(0, at), Buffer.from(pick(BAD_UTF8, random)), text.subarray(at)]));
        break;
      }
      case 'deep-nesting':
        // Mostly just past the limit, some thousands deep (kept few: they are large).
        push(category, family, gateway, deepNesting(33 + Math.floor(random() < 0.9 ? random() * 200 : random() * 5_000), random));
        break;
      case 'wrong-types': {
        // Numbers, arrays and objects where strings belong, and strings where numbers belong.
        const wrong: Json[] = [42, -1, 1e308, [], {}, true, '42', '', null];
        const mutated = mapStrings(base, () => pick(wrong, random)) as { [key: string]: Json };
        if (random() < 0.5) mutated.timestamp = pick(['soon', -5, {}, [1]], random);
        push(category, family, gateway, JSON.stringify(mutated));
        break;
      }
      case 'html-in-strings': {
        const html = pick(HTML_PAYLOADS, random);
        // Replaced or appended, in every string or every one but the method: the latter stay
        // well-formed enough to reach the stores and the screens with markup in their text.
        const replace = random() < 0.5 ? () => html : (s: string) => s + html;
        const roll = random();
        const keep = new Set(roll < 0.3 ? [] : roll < 0.6 ? ['method'] : ENUM_KEYS);
        push(category, family, gateway, JSON.stringify(mapStrings(base, replace, keep)));
        break;
      }
      case 'prototype-keys': {
        const text = JSON.stringify(base);
        const key = pick(['__proto__', 'constructor', 'prototype'], random);
        const poison =
          key === 'constructor' ? '{"prototype":{"polluted":"yes","status":"ok"}}' : '{"polluted":"yes","status":"ok","percent":100}';
        // At the top and inside data, where a naive merge would copy them onto Object.prototype.
        const injected = text.replace('{', `{"${key}":${poison},`).replace('"data":{', `"data":{"${key}":${poison},`);
        push(category, family, gateway, injected);
        break;
      }
      case 'not-an-object':
        push(category, family, gateway, pick(NOT_OBJECTS, random));
        break;
      case 'hostile-topic': {
        // Topic levels MQTT allows but an SN never has; the payload itself is well-formed.
        const sn = pick(['<img src=x onerror="window.__hostile=1">', 'DOCK 1', 'DOCK"1', 'DÖCK-1', 'x'.repeat(65), '..'], random);
        push(category, family, sn, JSON.stringify(base));
        break;
      }
      default:
        throw new Error(`unhandled category ${category}`);
    }
  }
  return messages;
}
