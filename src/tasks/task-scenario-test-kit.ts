/** Builds task stores the way the broker would feed them, for the monitor's component tests. */
import { buildOtaProgress, buildServicesReply, buildState, encodeMessage, type OtaProgressInput } from '../protocol/builders';
import { decode } from '../protocol/decode';
import { counterIds } from '../protocol/protocol-test-kit';
import { eventsTopic, servicesReplyTopic, stateTopic } from '../protocol/topics';
import type { TasksStore } from './tasks-state';
import { createTasksStore } from './tasks-store';
import type { NewTaskInput } from './task-types';

export const T0 = 1_800_000_000_000;

export function kit(now = T0) {
  const store: TasksStore = createTasksStore();
  const ids = counterIds(now);
  return {
    store,
    /** A task this console sent and the broker acknowledged. */
    started(input: NewTaskInput, at = now) {
      store.getState().taskCreated(input, at);
      store.getState().taskPublished(input.bid, at);
    },
    progress(gateway: string, input: OtaProgressInput, at = now) {
      store.getState().batchReceived([decode(eventsTopic(gateway), encodeMessage(buildOtaProgress(input, ids)))], at);
    },
    reply(gateway: string, tid: string, bid: string, result: number, at = now) {
      store
        .getState()
        .batchReceived([decode(servicesReplyTopic(gateway), encodeMessage(buildServicesReply({ tid, bid, result }, ids)))], at);
    },
    /** A device reporting its firmware version on its state topic. */
    version(gateway: string, deviceSn: string, firmwareVersion: string, at = now) {
      store.getState().batchReceived([decode(stateTopic(deviceSn), encodeMessage(buildState({ gateway, firmwareVersion }, ids)))], at);
    },
  };
}

export function dockAndDrone(bid: string, gateway: string, drone: string): NewTaskInput {
  return {
    bid,
    tid: `tid-${bid}`,
    gateway,
    devices: [
      { sn: gateway, modelKey: '3-2-0', fromVersion: '10.01.0001', targetVersion: '10.02.0002', fileSize: 100_000_000 },
      { sn: drone, modelKey: '0-91-0', fromVersion: '08.00.0001', targetVersion: '08.01.0001', fileSize: 20_000_000 },
    ],
  };
}
