import { acquireClientId } from '../../broker/client-id.ts';
import { createDeviceResponder } from '../../broker/device-responder.ts';
import { activeSessionChanged } from '../../broker/active-session.ts';
import { createBrokerSession, type BrokerSession } from '../../broker/session.ts';
import type { Decoded } from '../../protocol/messages.ts';
import { batchConsumers } from './batch-consumers';
import { createSessionController } from './session-controller';
import { sessionErrorStore } from './session-error-store';

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The page's one broker session controller: the real broker, the page's stores. */
export const brokerSessionController = createSessionController<BrokerSession, readonly Decoded[]>({
  acquireClientId,
  createSession: (o) => {
    const session = createBrokerSession({
      url: o.url,
      username: o.username,
      password: o.password,
      clientId: o.clientId,
      persistent: o.persistent,
      readOnly: o.readOnly,
    });
    if (o.respondToDevices && !session.readOnly) {
      // The subscription ends with the session: close() drops its listeners.
      session.onBatch(
        createDeviceResponder({
          publish: (topic, message) => session.publish(topic, message),
          onError: (error, meta) => console.warn(`could not answer ${meta.method ?? 'message'} on ${meta.topic}`, error),
        }),
      );
    }
    return session;
  },
  sessionChanged(session) {
    activeSessionChanged(session);
    if (session) sessionErrorStore.setState({ error: null });
  },
  consumers: batchConsumers,
  reportError(error, during) {
    console.error(`broker session (${during})`, error);
    if (during === 'start') sessionErrorStore.setState({ error: `Could not start the broker session: ${message(error)}` });
  },
});
