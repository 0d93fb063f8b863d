/** Thrown by publish in read-only or kiosk mode: the guard lives in the broker, not only in the UI. */
export class ReadOnlyError extends Error {
  constructor(topic: string) {
    super(`Read-only session: refusing to publish to ${topic}`);
    this.name = 'ReadOnlyError';
  }
}

/** Thrown by publish when the topic is not one of the protocol's (or carries an unsafe SN). */
export class InvalidTopicError extends Error {
  constructor(topic: string) {
    super(`Refusing to publish to "${topic}": not a valid DJI Cloud API topic`);
    this.name = 'InvalidTopicError';
  }
}

export class SessionClosedError extends Error {
  constructor() {
    super('The broker session is closed');
    this.name = 'SessionClosedError';
  }
}

/**
 * CONNACK refusals, 3.1.1 return codes (1-5) and MQTT 5 reason codes (>= 0x80) in one table: the
 * ranges do not overlap, and a 3.1.1-only broker answers an MQTT 5 CONNECT with a 3.1.1 code.
 * Each code names its reason; codes that mean the same (4 and 0x86) share one, and so one text in
 * every language.
 */
const CONNACK_REASON = {
  1: 'unacceptableProtocolVersion',
  2: 'clientIdRejected',
  3: 'serverUnavailable',
  4: 'badCredentials',
  5: 'notAuthorized',
  0x80: 'unspecifiedError',
  0x81: 'malformedPacket',
  0x82: 'protocolError',
  0x83: 'implementationSpecificError',
  0x84: 'unsupportedProtocolVersion',
  0x85: 'clientIdNotValid',
  0x86: 'badCredentials',
  0x87: 'notAuthorized',
  0x88: 'serverUnavailable',
  0x89: 'serverBusy',
  0x8a: 'banned',
  0x8c: 'badAuthenticationMethod',
  0x8e: 'sessionTakenOver',
  0x95: 'packetTooLarge',
  0x97: 'quotaExceeded',
  0x9c: 'useAnotherServer',
  0x9d: 'serverMoved',
  0x9f: 'connectionRateExceeded',
} as const satisfies Readonly<Record<number, string>>;

export type ConnackReason = (typeof CONNACK_REASON)[keyof typeof CONNACK_REASON];

/** The English of each reason: what `lastError` says (tests and logs read it). */
const CONNACK_REASON_TEXT: Readonly<Record<ConnackReason, string>> = {
  unacceptableProtocolVersion: 'Unacceptable protocol version',
  clientIdRejected: 'Client identifier rejected',
  serverUnavailable: 'Server unavailable',
  badCredentials: 'Bad username or password',
  notAuthorized: 'Not authorized',
  unspecifiedError: 'Unspecified error',
  malformedPacket: 'Malformed packet',
  protocolError: 'Protocol error',
  implementationSpecificError: 'Implementation specific error',
  unsupportedProtocolVersion: 'Unsupported protocol version',
  clientIdNotValid: 'Client identifier not valid',
  serverBusy: 'Server busy',
  banned: 'Banned',
  badAuthenticationMethod: 'Bad authentication method',
  sessionTakenOver: 'Session taken over',
  packetTooLarge: 'Packet too large',
  quotaExceeded: 'Quota exceeded',
  useAnotherServer: 'Use another server',
  serverMoved: 'Server moved',
  connectionRateExceeded: 'Connection rate exceeded',
};

/** Every CONNACK code with a known reason (the others read "Refused (code N)"). */
export const KNOWN_CONNACK_CODES: readonly number[] = Object.keys(CONNACK_REASON).map(Number);

export function connackReason(code: number): ConnackReason | null {
  return Object.hasOwn(CONNACK_REASON, code) ? CONNACK_REASON[code as keyof typeof CONNACK_REASON] : null;
}

export function describeReasonCode(code: number): string {
  const reason = connackReason(code);
  return reason === null ? `Refused (code ${code})` : CONNACK_REASON_TEXT[reason];
}

/** Transport failures (socket errors with a Node-style code) the operator can act on. */
const TRANSPORT_REASON = {
  ECONNREFUSED: 'connectionRefused',
  ECONNRESET: 'connectionReset',
  ENOTFOUND: 'hostNotFound',
  ETIMEDOUT: 'timedOut',
  EHOSTUNREACH: 'hostUnreachable',
} as const satisfies Readonly<Record<string, string>>;

export type TransportReason = (typeof TRANSPORT_REASON)[keyof typeof TRANSPORT_REASON];

const TRANSPORT_REASON_TEXT: Readonly<Record<TransportReason, string>> = {
  connectionRefused: 'Connection refused',
  connectionReset: 'Connection reset',
  hostNotFound: 'Broker host not found',
  timedOut: 'Connection timed out',
  hostUnreachable: 'Broker host unreachable',
};

export const KNOWN_TRANSPORT_CODES: readonly string[] = Object.keys(TRANSPORT_REASON);

export function transportReason(code: string): TransportReason | null {
  return Object.hasOwn(TRANSPORT_REASON, code) ? TRANSPORT_REASON[code as keyof typeof TRANSPORT_REASON] : null;
}

export function describeTransportCode(code: string): string {
  const reason = transportReason(code);
  return reason === null ? `Connection failed (${code})` : TRANSPORT_REASON_TEXT[reason];
}

export type RefusalClass = 'protocol' | 'auth' | 'other';

export function classifyRefusal(code: number): RefusalClass {
  if (code === 1 || code === 0x84) return 'protocol';
  // Retrying these quickly cannot succeed: the credentials or the client id must change first.
  if ([2, 4, 5, 0x85, 0x86, 0x87, 0x8a, 0x8c].includes(code)) return 'auth';
  return 'other';
}

/** The `code` of an error MQTT.js gave: a number is a CONNACK refusal, a string a transport error such as 'ECONNREFUSED'. */
export function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

/** SUBACK codes when the subscribe failed as a whole (MQTT.js rejects if any filter was refused). */
export function grantedFromError(error: unknown): number[] | null {
  if (typeof error !== 'object' || error === null || !('packet' in error)) return null;
  const packet: unknown = error.packet;
  if (typeof packet !== 'object' || packet === null || !('granted' in packet) || !Array.isArray(packet.granted)) return null;
  return packet.granted.filter((g): g is number => typeof g === 'number');
}
