/**
 * What kind of trouble a connection error is, for words that tell the operator what to do: wrong
 * credentials are fixed in Settings, a refusal needs the broker's address or the broker itself, a
 * lost connection comes back by itself. A broker that refuses a login by closing the WebSocket
 * (code 1002 "unauthenticated") is as not-authorized as one that answers with a CONNACK code.
 */
import type { BrokerErrorInfo } from './connection-store.ts';
import { connackReason, type ConnackReason } from './errors.ts';
import { socketCloseMeaning } from './socket-close.ts';

export type ConnectionTrouble = 'notAuthorized' | 'refused' | 'lost';

const CREDENTIAL_REASONS: ReadonlySet<ConnackReason> = new Set<ConnackReason>([
  'badCredentials',
  'notAuthorized',
  'badAuthenticationMethod',
]);

const isCredentialCode = (code: number): boolean => {
  const reason = connackReason(code);
  return reason !== null && CREDENTIAL_REASONS.has(reason);
};

/** The trouble behind the last error; null when there is no error. */
export function connectionTrouble(info: BrokerErrorInfo | null): ConnectionTrouble | null {
  if (info === null) return null;
  switch (info.kind) {
    case 'connack':
      return isCredentialCode(info.code) ? 'notAuthorized' : 'refused';
    case 'disconnected':
      return isCredentialCode(info.code) ? 'notAuthorized' : 'lost';
    case 'transport':
    case 'refused':
    case 'closedBeforeConnack':
      return 'refused';
    case 'socketClosed':
      return socketCloseMeaning(info) === 'notAuthorized' ? 'notAuthorized' : 'refused';
    case 'subscriptionsRefused':
      // Without any subscription the console sees nothing: as good as refused.
      return info.all ? 'refused' : null;
    case 'lost':
    case 'text':
      return 'lost';
  }
}
