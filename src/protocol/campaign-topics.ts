/**
 * Topics of the campaign records kept on the broker (docs/campaigns-on-broker.md), all under one
 * configurable namespace. Ids and SNs become topic levels, where '/', '+', '#' and NUL change what
 * a topic means, so every one is checked before it reaches a topic and when a topic is read back.
 */
import { assertSn, isValidSn, snProblem } from './sn.ts';

export const DEFAULT_CAMPAIGN_NAMESPACE = 'ota-console/v1';

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const CLIENT_ID_PATTERN = /^[A-Za-z0-9_.-]{1,128}$/;
const NAMESPACE_MAX_LENGTH = 200;

/** Why `ns` cannot be a campaign namespace, or null when it can. */
export function namespaceProblem(ns: unknown): string | null {
  if (typeof ns !== 'string') return 'the campaign namespace must be text';
  if (ns === '') return 'the campaign namespace is empty';
  if (ns.length > NAMESPACE_MAX_LENGTH) return `the campaign namespace is longer than ${NAMESPACE_MAX_LENGTH} characters`;
  if (ns.startsWith('$')) return "the campaign namespace cannot start with '$' (reserved by brokers)";
  if (/[+#]/.test(ns) || ns.includes('\0')) return "the campaign namespace cannot contain '+', '#' or NUL";
  if (ns.split('/').some((level) => level === '')) return 'the campaign namespace has an empty level (a leading, trailing or double /)';
  return null;
}

export function isValidCampaignId(id: unknown): id is string {
  return typeof id === 'string' && ID_PATTERN.test(id);
}

export function isValidRecordClientId(id: unknown): id is string {
  return typeof id === 'string' && CLIENT_ID_PATTERN.test(id);
}

export class InvalidCampaignTopicError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidCampaignTopicError';
  }
}

function checkedNs(ns: string): string {
  const problem = namespaceProblem(ns);
  if (problem !== null) throw new InvalidCampaignTopicError(problem);
  return ns;
}

function checkedId(id: string): string {
  if (!isValidCampaignId(id))
    throw new InvalidCampaignTopicError(`campaign id ${JSON.stringify(id)} is not valid (1-64 letters, digits, '-' or '_')`);
  return id;
}

function checkedClientId(id: string): string {
  if (!isValidRecordClientId(id))
    throw new InvalidCampaignTopicError(`client id ${JSON.stringify(id)} cannot be a topic level (1-128 letters, digits, '.', '-' or '_')`);
  return id;
}

export const campaignHeaderTopic = (ns: string, id: string): string => `${checkedNs(ns)}/campaigns/${checkedId(id)}`;
export const campaignGatewayTopic = (ns: string, id: string, sn: string): string =>
  `${campaignHeaderTopic(ns, id)}/gateways/${assertSn(sn)}`;
export const campaignLeaseTopic = (ns: string, id: string): string => `${campaignHeaderTopic(ns, id)}/lease`;
export const campaignCommandsTopic = (ns: string, id: string): string => `${campaignHeaderTopic(ns, id)}/commands`;
export const driverPresenceTopic = (ns: string, clientId: string): string => `${checkedNs(ns)}/drivers/${checkedClientId(clientId)}`;
export const probeTopic = (ns: string, clientId: string): string => `${checkedNs(ns)}/probe/${checkedClientId(clientId)}`;
/** The one subscription that brings every record of the namespace. */
export const namespaceFilter = (ns: string): string => `${checkedNs(ns)}/#`;

export type CampaignTopic =
  | { kind: 'header'; id: string }
  | { kind: 'gateway'; id: string; sn: string }
  | { kind: 'lease'; id: string }
  | { kind: 'commands'; id: string }
  | { kind: 'driver'; clientId: string }
  | { kind: 'probe'; clientId: string };

export type CampaignTopicResult = { ok: true; topic: CampaignTopic } | { ok: false; reason: string };

/** True when `topic` lies under the namespace (whether or not it is a record topic). */
export function isUnderNamespace(ns: string, topic: string): boolean {
  // Asked of every incoming message: no `${ns}/` string made and flattened each time.
  return topic.length > ns.length && topic.charCodeAt(ns.length) === 0x2f && topic.startsWith(ns);
}

function shown(s: string): string {
  return JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…` : s);
}

/** Reads a topic under the namespace; the reason says why one is not a record topic (for Diagnostics). */
export function parseCampaignTopic(ns: string, topic: string): CampaignTopicResult {
  if (!isUnderNamespace(ns, topic)) return { ok: false, reason: `topic ${shown(topic)} is not under the campaign namespace` };
  const levels = topic.slice(ns.length + 1).split('/');
  const [family, key, sub, sn] = levels;
  const bad = (reason: string): CampaignTopicResult => ({ ok: false, reason: `campaign topic ${shown(topic)}: ${reason}` });
  if (family === 'campaigns') {
    if (!isValidCampaignId(key)) return bad("the campaign id is not valid (1-64 letters, digits, '-' or '_')");
    if (levels.length === 2) return { ok: true, topic: { kind: 'header', id: key } };
    if (levels.length === 3 && sub === 'lease') return { ok: true, topic: { kind: 'lease', id: key } };
    if (levels.length === 3 && sub === 'commands') return { ok: true, topic: { kind: 'commands', id: key } };
    if (levels.length === 4 && sub === 'gateways') {
      if (!isValidSn(sn)) return bad(`the gateway SN is not valid: ${snProblem(sn) ?? ''}`);
      return { ok: true, topic: { kind: 'gateway', id: key, sn } };
    }
    return bad('not a campaign record topic');
  }
  if ((family === 'drivers' || family === 'probe') && levels.length === 2) {
    if (!isValidRecordClientId(key)) return bad('the client id is not valid');
    return { ok: true, topic: family === 'drivers' ? { kind: 'driver', clientId: key } : { kind: 'probe', clientId: key } };
  }
  return bad('not a campaign record topic');
}

/** The topic a parsed CampaignTopic came from. */
export function campaignTopicString(ns: string, topic: CampaignTopic): string {
  switch (topic.kind) {
    case 'header':
      return campaignHeaderTopic(ns, topic.id);
    case 'gateway':
      return campaignGatewayTopic(ns, topic.id, topic.sn);
    case 'lease':
      return campaignLeaseTopic(ns, topic.id);
    case 'commands':
      return campaignCommandsTopic(ns, topic.id);
    case 'driver':
      return driverPresenceTopic(ns, topic.clientId);
    case 'probe':
      return probeTopic(ns, topic.clientId);
  }
}
