/**
 * A small world for campaign tests: real task and campaign stores, a fake clock, a fake publisher
 * that records every ota_create and acknowledges it when told, and helpers that make a "dock"
 * answer through the real decoder and task reducers.
 */
import type { OtaCreateDevice } from '../protocol/messages.ts';
import type { TaskStatus } from '../protocol/status.ts';
import type { OtaCreateMessage } from '../protocol/wire.ts';
import { startCampaignDriver, type CampaignDriver } from './campaign-driver.ts';
import type { Publisher } from './campaign-sender.ts';
import { createCampaignsStore, type CampaignsStore } from './campaign-store.ts';
import type { CampaignPlan } from './campaign-types.ts';
import type { DockReader } from './dock-activity.ts';
import { progress, reply } from '../tasks/task-test-kit.ts';
import type { TasksStore } from '../tasks/tasks-state.ts';
import { createTasksStore } from '../tasks/tasks-store.ts';

export function gatewaySn(i: number): string {
  return `DOCK${String(i).padStart(3, '0')}`;
}

export function planDevice(sn: string, version = '10.1.0'): OtaCreateDevice {
  return {
    sn,
    product_version: version,
    file_url: `http://files.test/dock-${version}.bin`,
    md5: 'd1c9dacec124abd350379eb44b9143e5',
    file_size: 1_000_000,
    file_name: `dock-${version}.bin`,
    firmware_upgrade_type: 3,
  };
}

export function makePlan(gateways: number, options: Partial<Omit<CampaignPlan, 'items' | 'firmware'>> = {}): CampaignPlan {
  return {
    firmware: [{ id: 'fw-dock', productVersion: '10.1.0', fileName: 'dock-10.1.0.bin', model: '3-1-0' }],
    items: Array.from({ length: gateways }, (_, i) => {
      const sn = gatewaySn(i + 1);
      return { gateway: sn, devices: [planDevice(sn)], deviceInfo: [{ sn, modelKey: '3-1-0', fromVersion: '10.0.0' }] };
    }),
    maxParallel: options.maxParallel ?? null,
    pauseAfterFailures: options.pauseAfterFailures ?? null,
    canarySize: options.canarySize ?? null,
  };
}

export interface Sent {
  topic: string;
  message: OtaCreateMessage;
  ack(): void;
  fail(): void;
}

export class FakePublisher implements Publisher {
  readOnly = false;
  readonly sent: Sent[] = [];
  /** Acknowledge at once (PUBACK) instead of waiting for ack(). */
  autoAck = true;

  publish(topic: string, message: object): Promise<void> {
    return new Promise((resolve, reject) => {
      const entry: Sent = {
        topic,
        message: message as OtaCreateMessage,
        ack: () => resolve(),
        fail: () => reject(new Error('connection lost')),
      };
      this.sent.push(entry);
      if (this.autoAck) resolve();
    });
  }
}

export interface World {
  clock: { now: number };
  tasks: TasksStore;
  campaigns: CampaignsStore;
  publisher: FakePublisher;
  /** null = offline. */
  online: { value: boolean };
  driver: CampaignDriver;
  /** Lets promise callbacks (PUBACKs) run, then ticks the driver. */
  settle(): Promise<void>;
  advance(ms: number): Promise<void>;
  /** The dock accepts the ota_create for this gateway's newest task. */
  accept(gateway: string): void;
  /** The dock rejects it with this code. */
  reject(gateway: string, code: number): void;
  /** ota_progress for the gateway's newest task. */
  report(gateway: string, status: TaskStatus, percent?: number): void;
  /** Gateways with an ota_create on the wire, in send order. */
  sentGateways(): string[];
  stop(): void;
}

function sequentialIds() {
  let n = 0;
  return (clock: { now: number }) => ({ uuid: () => `id-${++n}`, now: () => clock.now });
}

export function createWorld(
  options: { tasks?: TasksStore; campaigns?: CampaignsStore; publisher?: FakePublisher; clock?: { now: number }; docks?: DockReader } = {},
): World {
  const clock = options.clock ?? { now: 1_700_000_000_000 };
  const tasks = options.tasks ?? createTasksStore();
  let counter = 0;
  const campaigns = options.campaigns ?? createCampaignsStore(() => `campaign-${++counter}`);
  const publisher = options.publisher ?? new FakePublisher();
  const online = { value: true };
  let events = 0;
  const manual = { fns: [] as (() => void)[] };
  const driver = startCampaignDriver({
    campaigns,
    tasks,
    publisher: () => (online.value ? publisher : null),
    ids: sequentialIds()(clock),
    now: () => clock.now,
    ...(options.docks === undefined ? {} : { docks: options.docks }),
    // Ticks run when the test says so (settle/advance), never on their own.
    timers: { setInterval: () => null, clearInterval: () => undefined, defer: (fn) => manual.fns.push(fn) },
  });

  function newestTask(gateway: string) {
    const { table } = tasks.getState();
    for (let i = table.order.length - 1; i >= 0; i--) {
      const task = table.byBid.get(table.order[i] ?? '');
      if (task?.gateway === gateway) return task;
    }
    throw new Error(`no task for ${gateway}`);
  }

  async function settle(): Promise<void> {
    for (let round = 0; round < 5; round++) {
      await Promise.resolve();
      await Promise.resolve();
      manual.fns.splice(0).forEach((fn) => fn());
      driver.tick();
    }
  }

  return {
    clock,
    tasks,
    campaigns,
    publisher,
    online,
    driver,
    settle,
    async advance(ms) {
      clock.now += ms;
      await settle();
    },
    accept(gateway) {
      const task = newestTask(gateway);
      tasks.getState().batchReceived([reply({ gateway, bid: task.bid, tid: task.tid, result: 0, ts: clock.now })], clock.now);
    },
    reject(gateway, code) {
      const task = newestTask(gateway);
      tasks.getState().batchReceived([reply({ gateway, bid: task.bid, tid: task.tid, result: code, ts: clock.now })], clock.now);
    },
    report(gateway, status, percent = 100) {
      const task = newestTask(gateway);
      const result = status === 'failed' ? 316001 : 0;
      // Every ota_progress has its own tid and a later device time: equal ones are redeliveries.
      events += 1;
      clock.now += 1;
      const event = progress({
        gateway,
        bid: task.bid,
        tid: `progress-${events}`,
        ts: clock.now,
        status,
        percent,
        step: 'upgrade_firmware',
        result,
      });
      tasks.getState().batchReceived([event], clock.now);
    },
    sentGateways: () => publisher.sent.map((s) => s.topic.split('/')[2] ?? ''),
    stop: () => driver.stop(),
  };
}
