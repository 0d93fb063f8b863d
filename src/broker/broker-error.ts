/**
 * The connection error in words. The session stores it as data (BrokerErrorInfo) next to its
 * English text; screens say it in the operator's language from a message descriptor, with keys
 * of the 'common' namespace (brokerError.*). No i18next here: the screen's `t` comes in as an
 * argument, and the keys are checked against the English resources where that `t` is typed.
 */
import type { BrokerErrorInfo, ConnectionState } from './connection-store.ts';
import { connackReason, describeReasonCode, describeTransportCode, transportReason, type ConnackReason, type TransportReason } from './errors.ts';

export type BrokerErrorKey =
  | `brokerError.connack.${ConnackReason}`
  | 'brokerError.connack.unknown'
  | `brokerError.transport.${TransportReason}`
  | 'brokerError.transport.unknown'
  | 'brokerError.closedBeforeConnack'
  | 'brokerError.lost'
  | 'brokerError.subscriptionsRefused.all'
  | 'brokerError.subscriptionsRefused.some'
  | 'brokerError.disconnected';

/** A key with its values (a value may itself be a message, said first), or text said as is. */
export type BrokerErrorMessage =
  | { key: BrokerErrorKey; values?: Readonly<Record<string, string | number | BrokerErrorMessage>> }
  | { text: string };

export type BrokerErrorTranslate = (key: BrokerErrorKey, values?: Readonly<Record<string, string | number>>) => string;

/** The English text stored as `lastError`: what tests and logs read. */
export function brokerErrorText(info: BrokerErrorInfo): string {
  switch (info.kind) {
    case 'connack':
      return describeReasonCode(info.code);
    case 'transport':
      return describeTransportCode(info.code);
    case 'refused':
      return describeTransportCode('ECONNREFUSED');
    case 'closedBeforeConnack':
      return 'Connection closed before CONNACK';
    case 'lost':
      return 'Connection lost';
    case 'subscriptionsRefused':
      return `${info.all ? 'Subscriptions' : 'Subscription'} refused by the broker (check the ACL): ${info.filters.join(', ')}`;
    case 'disconnected':
      return `Disconnected by the broker: ${describeReasonCode(info.code)}`;
    case 'text':
      return info.text;
  }
}

function connackMessage(code: number): BrokerErrorMessage {
  const reason = connackReason(code);
  return reason === null ? { key: 'brokerError.connack.unknown', values: { code } } : { key: `brokerError.connack.${reason}` };
}

export function brokerErrorMessage(info: BrokerErrorInfo): BrokerErrorMessage {
  switch (info.kind) {
    case 'connack':
      return connackMessage(info.code);
    case 'transport': {
      const reason = transportReason(info.code);
      return reason === null ? { key: 'brokerError.transport.unknown', values: { code: info.code } } : { key: `brokerError.transport.${reason}` };
    }
    case 'refused':
      return { key: 'brokerError.transport.connectionRefused' };
    case 'closedBeforeConnack':
      return { key: 'brokerError.closedBeforeConnack' };
    case 'lost':
      return { key: 'brokerError.lost' };
    case 'subscriptionsRefused':
      // Topic filters are identifiers: listed as sent, in every language.
      return { key: info.all ? 'brokerError.subscriptionsRefused.all' : 'brokerError.subscriptionsRefused.some', values: { filters: info.filters.join(', ') } };
    case 'disconnected':
      return { key: 'brokerError.disconnected', values: { reason: connackMessage(info.code) } };
    case 'text':
      return { text: info.text };
  }
}

export function sayBrokerMessage(message: BrokerErrorMessage, translate: BrokerErrorTranslate): string {
  if ('text' in message) return message.text;
  if (message.values === undefined) return translate(message.key);
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.values)) {
    values[name] = typeof value === 'object' ? sayBrokerMessage(value, translate) : value;
  }
  return translate(message.key, values);
}

/** The error in the language `translate` speaks (a screen passes its 'common' t). */
export function sayBrokerError(info: BrokerErrorInfo, translate: BrokerErrorTranslate): string {
  return sayBrokerMessage(brokerErrorMessage(info), translate);
}

/**
 * The error as a screen should show it: in its words when the store has the data, else the stored
 * text (a store written by older code or a test that only sets lastError).
 */
export function shownBrokerError(state: Pick<ConnectionState, 'lastError' | 'lastErrorInfo'>, translate: BrokerErrorTranslate): string | null {
  if (state.lastError === null) return null;
  return state.lastErrorInfo === null ? state.lastError : sayBrokerError(state.lastErrorInfo, translate);
}

/** The one way the session writes an error: the text and the data cannot disagree. */
export function errorState(info: BrokerErrorInfo | null): Pick<ConnectionState, 'lastError' | 'lastErrorInfo'> {
  return info === null ? { lastError: null, lastErrorInfo: null } : { lastError: brokerErrorText(info), lastErrorInfo: info };
}
