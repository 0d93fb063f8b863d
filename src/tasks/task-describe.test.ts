import { describe, expect, it } from 'vitest';
import { otaCreate, progress } from './task-test-kit.ts';
import type { NewTaskInput } from './task-types.ts';
import { createTasksStore } from './tasks-store.ts';

// Tasks another console started: the campaign's records on the broker give them their devices and
// from/to versions, whether the task is known before the description or only after it.

const described: NewTaskInput = {
  bid: 'bid-1',
  tid: 'tid-1',
  gateway: 'DOCK1',
  devices: [
    { sn: 'DOCK1', modelKey: '3-2-0', fromVersion: '10.01.1000', targetVersion: '10.01.3000', fileName: 'dock.bin', fileSize: 4096 },
    { sn: 'AC1', modelKey: '0-91-0', fromVersion: '07.00.0001', targetVersion: '07.01.0000', fileName: 'ac.bin', fileSize: 8192 },
  ],
  attempt: 2,
  retryOf: 'bid-0',
  campaignId: 'camp-1',
};

describe('tasks started elsewhere, described by their campaign', () => {
  it('a task known only from progress gets its devices, versions, campaign and attempt', () => {
    const store = createTasksStore();
    store.getState().batchReceived([progress({ bid: 'bid-1', gateway: 'DOCK1', percent: 30 })], 1_000);
    expect(store.getState().table.byBid.get('bid-1')).toMatchObject({ devicesInferred: true, devices: [{ sn: 'DOCK1' }] });

    store.getState().tasksDescribed([described], 1_100);
    const task = store.getState().table.byBid.get('bid-1');
    expect(task).toMatchObject({
      devicesInferred: false,
      campaignId: 'camp-1',
      attempt: 2,
      retryOf: 'bid-0',
      tid: 'tid-1',
      origin: 'elsewhere',
    });
    expect(task?.devices).toEqual([
      expect.objectContaining({ sn: 'DOCK1', fromVersion: '10.01.1000', targetVersion: '10.01.3000', modelKey: '3-2-0' }),
      expect.objectContaining({ sn: 'AC1', fromVersion: '07.00.0001', targetVersion: '07.01.0000', modelKey: '0-91-0' }),
    ]);
    // Its progress is kept.
    expect(task?.execution?.percent).toBe(30);
  });

  it('a task whose ota_create was seen keeps what the message said and gains the from versions and models', () => {
    const store = createTasksStore();
    const create = otaCreate({
      bid: 'bid-1',
      gateway: 'DOCK1',
      devices: [
        { sn: 'DOCK1', version: '10.01.3000' },
        { sn: 'AC1', version: '07.01.0000' },
      ],
    });
    store.getState().batchReceived([create], 1_000);
    store.getState().tasksDescribed([described], 1_100);
    const devices = store.getState().table.byBid.get('bid-1')?.devices;
    expect(devices).toEqual([
      expect.objectContaining({ sn: 'DOCK1', fromVersion: '10.01.1000', targetVersion: '10.01.3000', fileName: 'DOCK1-10.01.3000.bin' }),
      expect.objectContaining({ sn: 'AC1', fromVersion: '07.00.0001', targetVersion: '07.01.0000', modelKey: '0-91-0' }),
    ]);
  });

  it('a description that comes before the task is applied when the task first shows up', () => {
    const store = createTasksStore();
    store.getState().tasksDescribed([described], 900);
    expect(store.getState().table.byBid.size).toBe(0);
    store.getState().batchReceived([progress({ bid: 'bid-1', gateway: 'DOCK1', status: 'ok', percent: 100 })], 1_000);
    const task = store.getState().table.byBid.get('bid-1');
    expect(task?.devices.map((d) => [d.sn, d.fromVersion, d.targetVersion])).toEqual([
      ['DOCK1', '10.01.1000', '10.01.3000'],
      ['AC1', '07.00.0001', '07.01.0000'],
    ]);
    // Learned after it ended ok: the devices' versions are now checked.
    expect(task?.devices.map((d) => d.verification)).toEqual(['pending', 'pending']);
  });

  it('changes nothing for another gateway with the same bid, nor a second time', () => {
    const store = createTasksStore();
    store.getState().batchReceived([progress({ bid: 'bid-1', gateway: 'DOCK9', percent: 10 })], 1_000);
    const before = store.getState().table;
    store.getState().tasksDescribed([described], 1_100);
    expect(store.getState().table).toBe(before);

    store.getState().batchReceived([progress({ bid: 'bid-2', gateway: 'DOCK1', percent: 10 })], 1_200);
    store.getState().tasksDescribed([{ ...described, bid: 'bid-2' }], 1_300);
    const once = store.getState().table;
    store.getState().tasksDescribed([{ ...described, bid: 'bid-2' }], 1_400);
    expect(store.getState().table).toBe(once);
  });
});
