import type { BrokerStores } from '../../broker/broker-stores.ts';
import { acquireClientId } from '../../broker/client-id.ts';
import { protocolStart, type ProtocolVersionMemory } from '../../broker/protocol-version-memory.ts';
import type { BrokerSession } from '../../broker/session-types.ts';
import { createWorkerBrokerSession } from '../../broker/worker-session.ts';
import { driverPresenceTopic } from '../../protocol/campaign-topics.ts';
import type { Decoded } from '../../protocol/messages.ts';
import { createSessionController, type SessionController, type SessionCreateOptions } from './session-controller';
import type { SessionErrorStore } from './session-error-store';

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export interface BrokerSessionControllerDeps {
  broker: BrokerStores;
  sessionError: SessionErrorStore;
  /** Every store that learns from broker traffic, in the order each batch reaches them. */
  consumers: readonly ((batch: readonly Decoded[]) => void)[];
  /** Told of each new session with what the campaigns on the broker need of it. */
  campaignSessionStarted?(session: BrokerSession, options: SessionCreateOptions): void;
  /** The MQTT version that last worked per broker URL, for the "auto" setting. */
  protocolMemory: ProtocolVersionMemory;
}

/** The page's broker session controller: the real broker, the page's stores. */
export function createBrokerSessionController({
  broker,
  sessionError,
  consumers,
  campaignSessionStarted,
  protocolMemory,
}: BrokerSessionControllerDeps): SessionController {
  return createSessionController<BrokerSession, readonly Decoded[]>({
    acquireClientId,
    // MQTT, decoding and the answers to devices run in a worker: at fleet scale they would take most
    // of this thread, which has the screen to draw (issue 9).
    createSession: (o) => {
      const start = protocolStart(o.protocolVersion, protocolMemory.recall(o.url));
      const session = createWorkerBrokerSession({
        url: o.url,
        username: o.username,
        password: o.password,
        clientId: o.clientId,
        persistent: o.persistent,
        readOnly: o.readOnly,
        respondToDevices: o.respondToDevices,
        protocolVersion: start.version,
        protocolFallback: start.fallback,
        // Remembered whatever the setting: switching to "auto" later starts with what is known to work.
        protocolAccepted: (version) => protocolMemory.remember(o.url, version),
        connectionStore: broker.connection,
        diagnosticsStore: broker.diagnostics,
        campaignNamespace: o.campaignNamespace,
        // A few KB every 2 s from every dock, for one field: only the devices osd-watch.ts names.
        osd: 'watched',
        // A driver's presence is cleared by the broker when this connection drops (campaigns on the broker).
        ...(o.readOnly
          ? {}
          : { will: { topic: driverPresenceTopic(o.campaignNamespace, o.clientId), payload: '', qos: 1 as const, retain: true } }),
      });
      campaignSessionStarted?.(session, o);
      return session;
    },
    sessionChanged(session) {
      broker.activeSession.setState({ session });
      if (session) sessionError.setState({ error: null });
    },
    consumers,
    reportError(error, during) {
      console.error(`broker session (${during})`, error);
      if (during === 'start') sessionError.setState({ error: `Could not start the broker session: ${message(error)}` });
    },
  });
}
