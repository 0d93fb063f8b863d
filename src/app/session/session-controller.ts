import type { ProtocolVersionSetting } from '../../broker/protocol-version-memory';

export type SessionRole = 'operator' | 'kiosk';

/** Everything that, when it changes, needs a new broker session. */
export interface SessionTarget {
  url: string;
  username: string | undefined;
  password: string | undefined;
  /** MQTT version to use: "auto" starts with the one remembered for the URL and may switch. */
  protocolVersion: ProtocolVersionSetting;
  readOnly: boolean;
  /** Answer need_reply events and update_topo (only one console per deployment should). */
  respondToDevices: boolean;
  role: SessionRole;
  /** Where campaigns are kept on the broker. */
  campaignNamespace: string;
  /** Shown as "Driven by ..."; empty: the client id. */
  consoleLabel: string;
  campaignRetentionDays: number;
}

export interface ClientIdentity {
  clientId: string;
  persistent: boolean;
  /** Gives the id (and its Web Lock) up, so another tab of that role can own it. */
  release?(): void;
}

export interface SessionCreateOptions extends Omit<SessionTarget, 'role'> {
  clientId: string;
  persistent: boolean;
}

/** The part of a broker session the controller drives. */
export interface ControlledSession<Batch> {
  onBatch(listener: (batch: Batch) => void): () => void;
  close(): Promise<void>;
}

export interface SessionControllerDeps<S extends ControlledSession<Batch>, Batch> {
  acquireClientId(role: SessionRole): Promise<ClientIdentity>;
  createSession(options: SessionCreateOptions): S;
  /** The running session, or null between sessions. */
  sessionChanged(session: S | null): void;
  /** Every batch goes to each of these in order; one that throws does not starve the rest. */
  consumers: readonly ((batch: Batch) => void)[];
  /** 'start' and 'close' concern the session itself; 'consumer' is a store failing on a batch. */
  reportError(error: unknown, during: 'start' | 'close' | 'consumer'): void;
}

export interface SessionController {
  /** Ask for a session with this target (null: none). Resolves when the change has been carried out. */
  configure(target: SessionTarget | null): Promise<void>;
  /** Close and reopen the session with the same target ("Save & reconnect" with nothing changed, a retry). */
  restart(): Promise<void>;
}

/**
 * Keeps at most one broker session matching the latest requested target.
 * Changes are carried out one at a time, and the old session is fully closed before a new one
 * connects: both would use the same persistent client id, and the broker would kick one off.
 * Requests that arrive while a change is under way collapse to the newest.
 */
export function createSessionController<S extends ControlledSession<Batch>, Batch>(
  deps: SessionControllerDeps<S, Batch>,
): SessionController {
  let desired: SessionTarget | null = null;
  let generation = 0;
  const keyOf = (target: SessionTarget | null) => (target === null ? 'none' : `${generation}:${JSON.stringify(target)}`);
  let desiredKey = keyOf(null);
  let current: { key: string; session: S; unsubscribe: () => void } | null = null;
  let queue: Promise<void> = Promise.resolve();
  const identities = new Map<SessionRole, Promise<ClientIdentity>>();

  function identityFor(role: SessionRole): Promise<ClientIdentity> {
    let identity = identities.get(role);
    if (!identity) {
      identity = deps.acquireClientId(role);
      // A failed acquisition is retried on the next change instead of being cached forever.
      identity.catch(() => identities.delete(role));
      identities.set(role, identity);
    }
    return identity;
  }

  /** Ids of roles no longer wanted are given back; the wanted role keeps its id across reconnects. */
  function releaseIdentitiesExcept(keep: SessionRole | null) {
    for (const [role, identity] of identities) {
      if (role === keep) continue;
      identities.delete(role);
      identity.then((id) => id.release?.()).catch(() => undefined);
    }
  }

  function fanOut(batch: Batch) {
    for (const consume of deps.consumers) {
      try {
        consume(batch);
      } catch (error) {
        deps.reportError(error, 'consumer');
      }
    }
  }

  async function reconcile() {
    if (current && current.key === desiredKey) return;
    if (current) {
      const old = current;
      current = null;
      deps.sessionChanged(null);
      // close() hands over what its inbox still holds before it resolves; consumers get that too.
      const closing = old.session.close();
      old.unsubscribe();
      try {
        await closing;
      } catch (error) {
        deps.reportError(error, 'close');
      }
    }
    const target = desired;
    const key = desiredKey;
    releaseIdentitiesExcept(target?.role ?? null);
    if (target === null) return;
    const identity = await identityFor(target.role);
    // Superseded while waiting for the client id: the newer request has its own turn queued.
    if (key !== desiredKey) return;
    const { role: _role, ...connection } = target;
    const session = deps.createSession({ ...connection, clientId: identity.clientId, persistent: identity.persistent });
    current = { key, session, unsubscribe: session.onBatch(fanOut) };
    deps.sessionChanged(session);
  }

  function enqueue() {
    queue = queue.then(reconcile).catch((error: unknown) => deps.reportError(error, 'start'));
    return queue;
  }

  return {
    configure(target) {
      const key = keyOf(target);
      if (key === desiredKey) return queue;
      desired = target;
      desiredKey = key;
      return enqueue();
    },
    restart() {
      if (desired === null) return queue;
      generation += 1;
      desiredKey = keyOf(desired);
      return enqueue();
    },
  };
}
