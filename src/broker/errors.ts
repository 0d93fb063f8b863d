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
 */
const CONNACK_TEXT: Readonly<Record<number, string>> = {
  1: 'Unacceptable protocol version',
  2: 'Client identifier rejected',
  3: 'Server unavailable',
  4: 'Bad username or password',
  5: 'Not authorized',
  0x80: 'Unspecified error',
  0x81: 'Malformed packet',
  0x82: 'Protocol error',
  0x83: 'Implementation specific error',
  0x84: 'Unsupported protocol version',
  0x85: 'Client identifier not valid',
  0x86: 'Bad username or password',
  0x87: 'Not authorized',
  0x88: 'Server unavailable',
  0x89: 'Server busy',
  0x8a: 'Banned',
  0x8c: 'Bad authentication method',
  0x8e: 'Session taken over',
  0x95: 'Packet too large',
  0x97: 'Quota exceeded',
  0x9c: 'Use another server',
  0x9d: 'Server moved',
  0x9f: 'Connection rate exceeded',
};

export type RefusalClass = 'protocol' | 'auth' | 'other';

export function describeReasonCode(code: number): string {
  return CONNACK_TEXT[code] ?? `Refused (code ${code})`;
}

export function classifyRefusal(code: number): RefusalClass {
  if (code === 1 || code === 0x84) return 'protocol';
  // Retrying these quickly cannot succeed: the credentials or the client id must change first.
  if ([2, 4, 5, 0x85, 0x86, 0x87, 0x8a, 0x8c].includes(code)) return 'auth';
  return 'other';
}
