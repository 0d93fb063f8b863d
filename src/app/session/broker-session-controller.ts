import { acquireClientId } from '../../broker/client-id.ts';
import { activeSessionChanged } from '../../broker/active-session.ts';
import type { BrokerSession } from '../../broker/session.ts';
import { createWorkerBrokerSession } from '../../broker/worker-session.ts';
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
  // MQTT, decoding and the answers to devices run in a worker: at fleet scale they would take most
  // of this thread, which has the screen to draw (issue 9).
  createSession: (o) =>
    createWorkerBrokerSession({
      url: o.url,
      username: o.username,
      password: o.password,
      clientId: o.clientId,
      persistent: o.persistent,
      readOnly: o.readOnly,
      respondToDevices: o.respondToDevices,
    }),
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
