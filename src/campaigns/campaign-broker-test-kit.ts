/**
 * Drivers of campaigns on the broker for the race tests: each a real broker session, task and
 * campaign stores and a broker link, as the page and the runner wire them; simulated docks that
 * answer every ota_create (src/broker/sim-docks-test-kit.ts).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { initialConnectionState, type ConnectionState } from '../broker/connection-store.ts';
import { createDiagnosticsStore } from '../broker/diagnostics-store.ts';
import { createBrokerSession } from '../broker/session.ts';
import type { BrokerSession, PublishOptions } from '../broker/session-types.ts';
import { driverPresenceTopic } from '../protocol/campaign-topics.ts';
import { defaultIds } from '../protocol/ids.ts';
import type { TasksStore } from '../tasks/tasks-state.ts';
import { createTasksStore } from '../tasks/tasks-store.ts';
import { startCampaignBrokerLink, type CampaignBrokerLink, type CampaignBrokerLinkDeps } from './campaign-broker-link.ts';
import { createCampaignsStore, type CampaignsStore } from './campaign-store.ts';

export interface TestDriver {
  clientId: string;
  session: BrokerSession;
  campaigns: CampaignsStore;
  tasks: TasksStore;
  link: CampaignBrokerLink;
  connection: StoreApi<ConnectionState>;
  /** When set, a publish to a services topic is refused (a driver that dies between record and send). */
  refuseOtaCreate: boolean;
  /** When set, re-subscribing brings nothing back (a broker that keeps retained messages from wildcard subscribers). */
  noRetainedThroughWildcards: boolean;
  close(): Promise<void>;
  /** Gone without a word: no lease released, no presence cleared (a crash, a closed laptop). */
  abandon(): Promise<void>;
}

let serial = 0;

export function startTestDriver(
  url: string,
  ns: string,
  name: string,
  overrides: Partial<Omit<CampaignBrokerLinkDeps, 'session' | 'campaigns' | 'tasks'>> = {},
): TestDriver {
  serial += 1;
  const clientId = `${name}-${process.pid}-${serial}`.slice(0, 23);
  const connection = createStore<ConnectionState>(() => initialConnectionState);
  const session = createBrokerSession({
    url,
    clientId,
    persistent: false,
    readOnly: false,
    reconnect: { minDelayMs: 50, maxDelayMs: 300 },
    connectionStore: connection,
    diagnosticsStore: createDiagnosticsStore(),
    campaignNamespace: ns,
    will: { topic: driverPresenceTopic(ns, clientId), payload: '', qos: 1, retain: true },
  });
  const campaigns = createCampaignsStore();
  const tasks = createTasksStore();
  const driver: TestDriver = {
    clientId,
    session,
    campaigns,
    tasks,
    connection,
    refuseOtaCreate: false,
    noRetainedThroughWildcards: false,
    link: null as unknown as CampaignBrokerLink,
    async close() {
      await driver.link.stop();
      await session.close();
    },
    async abandon() {
      await driver.link.stop({ release: false });
      await session.close();
    },
  };
  const gated = {
    readOnly: false,
    publish(topic: string, message: object | string, opts?: PublishOptions): Promise<void> {
      if (driver.refuseOtaCreate && topic.endsWith('/services')) return Promise.reject(new Error('refused by the test'));
      return session.publish(topic, message, opts);
    },
    resubscribe(filter: string): Promise<void> {
      return driver.noRetainedThroughWildcards ? Promise.resolve() : session.resubscribe(filter);
    },
  };
  driver.link = startCampaignBrokerLink({
    session: gated,
    namespace: ns,
    clientId,
    label: name,
    campaigns,
    tasks,
    ids: defaultIds,
    now: Date.now,
    canDrive: () => true,
    boardReadyMs: 300,
    settleMs: 300,
    graceMs: 1_000,
    leaseTtlMs: 2_000,
    leaseRenewMs: 300,
    intervalMs: 100,
    probeTimeoutMs: 2_000,
    ...overrides,
  });
  session.onBatch((batch) => {
    tasks.getState().batchReceived(batch, Date.now());
    driver.link.batchReceived(batch);
  });
  connection.subscribe((state, previous) => {
    if (state.phase === previous.phase) return;
    if (state.phase === 'connected') driver.link.connected();
    else if (previous.phase === 'connected') driver.link.disconnected();
  });
  return driver;
}
