import { assertSn, isValidSn, snProblem } from './sn.ts';

export type TopicFamily = 'services' | 'services_reply' | 'events' | 'events_reply' | 'status' | 'status_reply' | 'state' | 'osd';

/** First topic level per family: the status pair lives under sys/, everything else under thing/. */
const ROOT: Readonly<Record<TopicFamily, 'thing' | 'sys'>> = {
  services: 'thing',
  services_reply: 'thing',
  events: 'thing',
  events_reply: 'thing',
  status: 'sys',
  status_reply: 'sys',
  state: 'thing',
  osd: 'thing',
};

const PRODUCT = 'product';

export const TOPIC_FAMILIES = Object.keys(ROOT) as readonly TopicFamily[];

function isTopicFamily(s: string): s is TopicFamily {
  return Object.hasOwn(ROOT, s);
}

function topicFor(family: TopicFamily, sn: string): string {
  return `${ROOT[family]}/product/${assertSn(sn)}/${family}`;
}

export const servicesTopic = (gatewaySn: string): string => topicFor('services', gatewaySn);
export const servicesReplyTopic = (gatewaySn: string): string => topicFor('services_reply', gatewaySn);
export const eventsTopic = (gatewaySn: string): string => topicFor('events', gatewaySn);
export const eventsReplyTopic = (gatewaySn: string): string => topicFor('events_reply', gatewaySn);
export const statusTopic = (gatewaySn: string): string => topicFor('status', gatewaySn);
export const statusReplyTopic = (gatewaySn: string): string => topicFor('status_reply', gatewaySn);
export const stateTopic = (deviceSn: string): string => topicFor('state', deviceSn);
export const osdTopic = (deviceSn: string): string => topicFor('osd', deviceSn);

/** The topic the answer to a message on `family` goes to, for the families the cloud answers. */
export const REPLY_FAMILY: Readonly<Partial<Record<TopicFamily, TopicFamily>>> = {
  events: 'events_reply',
  status: 'status_reply',
};

export interface ParsedTopic {
  family: TopicFamily;
  sn: string;
}

/** Family and SN of a topic of ours, before the SN is checked. */
function splitTopic(topic: unknown): { family: TopicFamily; sn: string } | null {
  if (typeof topic !== 'string') return null;
  // Read in place, not split: this runs for every incoming message.
  const first = topic.indexOf('/');
  const second = first < 0 ? -1 : topic.indexOf('/', first + 1);
  const third = second < 0 ? -1 : topic.indexOf('/', second + 1);
  if (third < 0) return null;
  if (second - first !== PRODUCT.length + 1 || !topic.startsWith(PRODUCT, first + 1)) return null;
  const family = topic.slice(third + 1);
  if (!isTopicFamily(family)) return null;
  const root = ROOT[family];
  if (first !== root.length || !topic.startsWith(root)) return null;
  return { family, sn: topic.slice(second + 1, third) };
}

/** Splits a topic into family and SN; null for anything that is not one of ours or has an unsafe SN. */
export function parseTopic(topic: string): ParsedTopic | null {
  const parsed = splitTopic(topic);
  return parsed !== null && isValidSn(parsed.sn) ? parsed : null;
}

/** Why parseTopic rejects `topic`, in words for the diagnostics log; null when it accepts it. */
export function topicProblem(topic: unknown): string | null {
  if (typeof topic !== 'string') return 'topic is not text';
  const parsed = splitTopic(topic);
  if (parsed === null) {
    const shown = topic.length > 80 ? `${topic.slice(0, 80)}…` : topic;
    return `topic ${JSON.stringify(shown)} is not an OTA console topic`;
  }
  const problem = snProblem(parsed.sn);
  return problem === null ? null : `topic SN is not valid: ${problem}`;
}

/**
 * Every device's osd. A session that watches only some devices (the page's: osd-subscriptions.ts in
 * src/broker) subscribes to `osdTopic(sn)` for each of them instead.
 */
export const ALL_OSD_FILTER = 'thing/product/+/osd';

/**
 * What the console subscribes to. services is included so that ota_create commands published by
 * other consoles or a backend show up as tasks started elsewhere.
 */
export const SUBSCRIPTION_FILTERS: readonly string[] = Object.freeze([
  'thing/product/+/services',
  'thing/product/+/services_reply',
  'thing/product/+/events',
  'sys/product/+/status',
  'thing/product/+/state',
  ALL_OSD_FILTER,
]);
