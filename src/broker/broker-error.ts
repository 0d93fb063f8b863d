/**
 * The connection error in words. The session stores it as data (BrokerErrorInfo) next to its
 * English text; screens say it in the operator's language from a message of the 'common'
 * namespace (brokerError.*), which they word with src/ui/i18n's renderer (useMessageText).
 * src/broker imports no ui, so the message is written here in that Message shape; the keys are
 * checked against the English resources by src/app/broker-error-words.test.ts.
 */
import type { BrokerErrorInfo, ConnectionState } from './connection-store.ts';
import {
  connackReason,
  describeReasonCode,
  describeTransportCode,
  transportReason,
  type ConnackReason,
  type TransportReason,
} from './errors.ts';
import { describeSocketClose } from './socket-close.ts';

export type BrokerErrorKey =
  | `brokerError.connack.${ConnackReason}`
  | 'brokerError.connack.unknown'
  | `brokerError.transport.${TransportReason}`
  | 'brokerError.transport.unknown'
  | 'brokerError.closedBeforeConnack'
  | 'brokerError.socketClosed.withReason'
  | 'brokerError.socketClosed.codeOnly'
  | 'brokerError.lost'
  | 'brokerError.subscriptionsRefused.all'
  | 'brokerError.subscriptionsRefused.some'
  | 'brokerError.disconnected';

/** A 'common' key with its values (a value may itself be a message, said first), or text said as is. */
export type BrokerErrorMessage =
  | {
      readonly ns: 'common';
      readonly key: BrokerErrorKey;
      readonly values?: Readonly<Record<string, string | number | BrokerErrorMessage>>;
    }
  | string;

const message = (key: BrokerErrorKey, values?: Readonly<Record<string, string | number | BrokerErrorMessage>>): BrokerErrorMessage =>
  values === undefined ? { ns: 'common', key } : { ns: 'common', key, values };

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
    case 'socketClosed':
      return describeSocketClose(info);
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
  return reason === null ? message('brokerError.connack.unknown', { code: String(code) }) : message(`brokerError.connack.${reason}`);
}

export function brokerErrorMessage(info: BrokerErrorInfo): BrokerErrorMessage {
  switch (info.kind) {
    case 'connack':
      return connackMessage(info.code);
    case 'transport': {
      const reason = transportReason(info.code);
      return reason === null ? message('brokerError.transport.unknown', { code: info.code }) : message(`brokerError.transport.${reason}`);
    }
    case 'refused':
      return message('brokerError.transport.connectionRefused');
    case 'closedBeforeConnack':
      return message('brokerError.closedBeforeConnack');
    case 'socketClosed':
      // The broker's reason is its own words: said as sent, in every language. The code is an
      // identifier, not a quantity: text, so no language groups its digits ("1,002").
      return info.reason === ''
        ? message('brokerError.socketClosed.codeOnly', { code: String(info.code) })
        : message('brokerError.socketClosed.withReason', { code: String(info.code), reason: info.reason });
    case 'lost':
      return message('brokerError.lost');
    case 'subscriptionsRefused':
      // Topic filters are identifiers: listed as sent, in every language.
      return message(info.all ? 'brokerError.subscriptionsRefused.all' : 'brokerError.subscriptionsRefused.some', {
        filters: info.filters.join(', '),
      });
    case 'disconnected':
      return message('brokerError.disconnected', { reason: connackMessage(info.code) });
    case 'text':
      return info.text;
  }
}

/**
 * The error as a screen should show it: its message when the store has the data, else the stored
 * text (a store written by older code or a test that only sets lastError).
 */
export function shownBrokerError(state: Pick<ConnectionState, 'lastError' | 'lastErrorInfo'>): BrokerErrorMessage | null {
  if (state.lastError === null) return null;
  return state.lastErrorInfo === null ? state.lastError : brokerErrorMessage(state.lastErrorInfo);
}

/** The one way the session writes an error: the text and the data cannot disagree. */
export function errorState(info: BrokerErrorInfo | null): Pick<ConnectionState, 'lastError' | 'lastErrorInfo'> {
  return info === null ? { lastError: null, lastErrorInfo: null } : { lastError: brokerErrorText(info), lastErrorInfo: info };
}
