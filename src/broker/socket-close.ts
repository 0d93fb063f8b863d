/**
 * A WebSocket close frame as the broker sent it. MQTT.js does not pass the close code and reason
 * on, so the session reads them from the socket itself (session.ts, `createWebSocket`). Some
 * brokers answer a bad login with a close frame instead of a CONNACK: RabbitMQ's Web-MQTT plugin
 * closes with code 1002 and the reason "unauthenticated".
 */
export interface SocketClose {
  code: number;
  /** The reason text of the close frame; '' when there was none. */
  reason: string;
}

/** What a close means for the operator: a login refused, a close the broker explained, or a bare drop. */
export type SocketCloseMeaning = 'notAuthorized' | 'said' | 'silent';

// Words brokers use in a close reason when they refuse the login (RabbitMQ: "unauthenticated",
// "not_authorized", "access_refused"; others: "Unauthorized", "bad username or password").
const CREDENTIAL_REASON =
  /unauthenticated|unauthori[sz]ed|not[ _-]?authori[sz]ed|access[ _-]?refused|authentication|auth[ _-]?failed|bad[ _-]?(?:user(?:name)?|password|credentials?)|invalid[ _-]?(?:user(?:name)?|password|credentials?)|forbidden/i;

/** 1005: the close frame had no code; 1006: there was no close frame (the browser's code for a dropped socket). */
const NO_CLOSE_FRAME: ReadonlySet<number> = new Set([1005, 1006]);

export function socketCloseMeaning(close: SocketClose): SocketCloseMeaning {
  if (CREDENTIAL_REASON.test(close.reason)) return 'notAuthorized';
  if (close.reason !== '') return 'said';
  // A bare normal close, or none at all, says nothing the operator could act on.
  return NO_CLOSE_FRAME.has(close.code) || close.code === 1000 ? 'silent' : 'said';
}

/** The English text of a close the broker explained: what `lastError` says. */
export function describeSocketClose(close: SocketClose): string {
  return close.reason === ''
    ? `The broker closed the WebSocket (code ${close.code})`
    : `The broker closed the WebSocket (code ${close.code}: ${close.reason})`;
}

/** The close frame's reason as shown: a broker could send anything, so it is cut short and printable. */
export function shownCloseReason(reason: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const printable = reason.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  return printable.length > 120 ? `${printable.slice(0, 119)}…` : printable;
}
