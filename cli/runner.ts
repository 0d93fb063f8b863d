/**
 * The headless runner's machinery: the app's broker session, its tasks, fleet and campaigns stores,
 * and the campaigns' broker link (records, lease, commands, the driver), wired as the page's
 * bootstrap wires them, without React, IndexedDB or a window. The commands (drive, start, list)
 * are built on it in commands.ts.
 */
import type { BrokerSession, PublishOptions } from '../src/broker/session-types.ts';
import type { CampaignsStore } from '../src/campaigns/campaign-store.ts';
import { createCampaignsStore } from '../src/campaigns/campaign-store.ts';
import { createDockActivity, type DockReader } from '../src/campaigns/dock-activity.ts';
import { createFleetStore, type FleetStore } from '../src/fleet/fleet-store.ts';
import type { Decoded } from '../src/protocol/messages.ts';
import { createTasksStore } from '../src/tasks/tasks-store.ts';
import type { TasksStore } from '../src/tasks/tasks-state.ts';
import type { ConnectionStore } from '../src/broker/connection-store.ts';
import type { DiagnosticsStore } from '../src/broker/diagnostics-store.ts';

/** What a publish of the sender carries, as far as the log cares. */
interface SentCreate {
  method?: unknown;
  bid?: unknown;
  data?: { devices?: { sn?: unknown; product_version?: unknown }[] };
}

/** The session as the link uses it: publish (records retained, ota_create not) and read-only. */
export interface RecordSession {
  publish(topic: string, message: object | string, opts?: PublishOptions): Promise<void>;
  readonly readOnly: boolean;
}

/** The part of the campaigns' broker link the runner uses. */
export interface RunnerLink {
  batchReceived(batch: readonly Decoded[]): void;
  connected(): void;
  disconnected(): void;
  drivenBy(id: string): { clientId: string; label: string } | null;
  /** The campaign's header has come back from the broker (its records are there). */
  onBroker(id: string): boolean;
  stop(): Promise<void>;
}

export interface LinkDeps {
  session: RecordSession;
  namespace: string;
  clientId: string;
  label: string;
  campaigns: CampaignsStore;
  tasks: TasksStore;
  /** Whether this runner may drive (take the lease of) the campaign; without an id: any at all. */
  canDrive(campaignId?: string): boolean;
  /** What the docks report in osd, for the idle gate. */
  docks: DockReader;
  log(line: string): void;
}

export interface RunnerOptions {
  session: BrokerSession;
  connection: ConnectionStore;
  diagnostics: DiagnosticsStore;
  namespace: string;
  clientId: string;
  label: string;
  canDrive(campaignId?: string): boolean;
  startLink(deps: LinkDeps): RunnerLink;
  log(line: string): void;
  now?: () => number;
}

const MAX_REFUSED_LOGGED = 20;

export interface Runner {
  readonly campaigns: CampaignsStore;
  readonly tasks: TasksStore;
  readonly fleet: FleetStore;
  readonly link: RunnerLink;
  /** Invalid records seen under the namespace (each is also counted by the diagnostics store). */
  refusedRecords(): number;
  /** Lease released (by the link), session closed: what SIGINT/SIGTERM and the end of a run do. */
  stop(): Promise<void>;
}

function describeCreate(topic: string, message: object | string): string | null {
  if (typeof message === 'string') return null;
  const m = message as SentCreate;
  if (m.method !== 'ota_create') return null;
  const gateway = /^thing\/product\/([^/]+)\/services$/.exec(topic)?.[1] ?? topic;
  const devices = (m.data?.devices ?? []).map((d) => `${String(d.sn)} -> ${String(d.product_version)}`).join(', ');
  return `ota_create to ${gateway} (bid ${String(m.bid)}): ${devices}`;
}

/** The session with every ota_create logged: when it is handed to the broker and when it is acknowledged. */
export function loggingSession(session: BrokerSession, log: (line: string) => void): RecordSession {
  return {
    get readOnly() {
      return session.readOnly;
    },
    async publish(topic, message, opts) {
      const created = describeCreate(topic, message);
      if (created !== null) log(`sending ${created}`);
      try {
        await session.publish(topic, message, opts);
      } catch (error) {
        if (created !== null) log(`not sent yet (will retry): ${created}: ${error instanceof Error ? error.message : String(error)}`);
        throw error;
      }
      if (created !== null) log(`acknowledged by the broker: ${created}`);
    },
  };
}

export function startRunner(options: RunnerOptions): Runner {
  const now = options.now ?? Date.now;
  const tasks = createTasksStore();
  const fleet = createFleetStore();
  const campaigns = createCampaignsStore();
  const docks = createDockActivity();
  const link = options.startLink({
    session: loggingSession(options.session, options.log),
    namespace: options.namespace,
    clientId: options.clientId,
    label: options.label,
    campaigns,
    tasks,
    canDrive: options.canDrive,
    docks,
    log: options.log,
  });

  // A refused record under the namespace is counted (as on Diagnostics) and said, a bounded number
  // of times: anyone with write access there could flood the log otherwise.
  let refusedRecords = 0;
  const noteRefused = (batch: readonly Decoded[]): void => {
    for (const d of batch) {
      if (d.kind !== 'invalid' || !d.topic.startsWith(`${options.namespace}/`)) continue;
      refusedRecords += 1;
      if (refusedRecords <= MAX_REFUSED_LOGGED) options.log(`ignored an invalid campaign record on ${d.topic.slice(0, 200)}: ${d.reason}`);
      else if (refusedRecords === MAX_REFUSED_LOGGED + 1) options.log('more invalid campaign records ignored; not logging each any more');
    }
  };

  // The page's consumers in the page's order: fleet, tasks, then campaigns.
  const offBatch = options.session.onBatch((batch) => {
    const at = now();
    noteRefused(batch);
    fleet.getState().batchReceived(batch, at);
    tasks.getState().batchReceived(batch, at);
    docks.observe(batch, at);
    link.batchReceived(batch);
  });
  let wasConnected = false;
  const offConnection = options.connection.subscribe((state) => {
    const connected = state.phase === 'connected';
    if (connected && !wasConnected) link.connected();
    if (!connected && wasConnected) link.disconnected();
    wasConnected = connected;
  });
  if (options.connection.getState().phase === 'connected') {
    wasConnected = true;
    link.connected();
  }
  const clock = setInterval(() => tasks.getState().clockTicked(now()), 1_000);

  let stopping: Promise<void> | null = null;
  return {
    campaigns,
    tasks,
    fleet,
    link,
    refusedRecords: () => refusedRecords,
    stop() {
      stopping ??= (async () => {
        clearInterval(clock);
        offBatch();
        offConnection();
        await link.stop();
        await options.session.close();
      })();
      return stopping;
    },
  };
}
