import { describe, expect, it } from 'vitest';
import { applyOtaCreateSeen, applyReply, replyTimedOut, taskCreated, taskPublished } from './task-command.ts';
import { applyProgress } from './task-progress.ts';
import { EMPTY_TASK_TABLE, type TaskTable } from './task-table.ts';
import { otaCreate, progress, reply } from './task-test-kit.ts';
import type { UpgradeTask } from './task-types.ts';

function created(bid = 'bid-1', tid = 'tid-1'): TaskTable {
  return taskCreated(
    EMPTY_TASK_TABLE,
    {
      bid,
      tid,
      gateway: 'DOCK1',
      devices: [
        { sn: 'DOCK1', modelKey: '3-2-0', fromVersion: '1.0.0', targetVersion: '2.0.0', fileName: 'dock.bin', fileSize: 100 },
        { sn: 'AIR1', modelKey: '0-91-0', targetVersion: '5.0.0' },
      ],
      attempt: 2,
      retryOf: 'bid-0',
      campaignId: 'camp-1',
    },
    100,
  );
}

function get(table: TaskTable, bid = 'bid-1'): UpgradeTask {
  const task = table.byBid.get(bid);
  if (task === undefined) throw new Error(`no task ${bid}`);
  return task;
}

describe('taskCreated / taskPublished / replyTimedOut', () => {
  it('creates a queued task of this console with its devices, attempt and campaign', () => {
    const task = get(created());
    expect(task).toMatchObject({
      command: 'queued',
      origin: 'this-console',
      tid: 'tid-1',
      attempt: 2,
      retryOf: 'bid-0',
      campaignId: 'camp-1',
      createdAt: 100,
    });
    expect(task.devices.map((d) => [d.sn, d.targetVersion, d.verification])).toEqual([
      ['DOCK1', '2.0.0', null],
      ['AIR1', '5.0.0', null],
    ]);
  });

  it('does not replace an existing bid', () => {
    const table = created();
    expect(taskCreated(table, { bid: 'bid-1', tid: 'x', gateway: 'DOCK2', devices: [{ sn: 'DOCK2' }] }, 5)).toBe(table);
  });

  it('published on PUBACK, then no-reply when the timeout passes', () => {
    const published = taskPublished(created(), 'bid-1', 200);
    expect(get(published)).toMatchObject({ command: 'published', publishedAt: 200 });
    expect(get(replyTimedOut(published, 'bid-1')).command).toBe('no-reply');
  });

  it('a timeout after the reply or after progress changes nothing', () => {
    const accepted = applyReply(taskPublished(created(), 'bid-1', 200), reply({}), 300);
    expect(replyTimedOut(accepted, 'bid-1')).toBe(accepted);
    const progressing = applyProgress(taskPublished(created(), 'bid-1', 200), progress({ percent: 5 }), 300);
    expect(get(replyTimedOut(progressing, 'bid-1')).command).toBe('published');
  });

  it('a reply that beats the PUBACK is not undone by it', () => {
    const accepted = applyReply(created(), reply({}), 150);
    expect(get(taskPublished(accepted, 'bid-1', 160)).command).toBe('accepted');
  });

  it('ignores unknown bids', () => {
    const table = created();
    expect(taskPublished(table, 'nope', 1)).toBe(table);
    expect(replyTimedOut(table, 'nope')).toBe(table);
  });
});

describe('applyReply', () => {
  it('result 0 -> accepted', () => {
    const task = get(applyReply(taskPublished(created(), 'bid-1', 200), reply({ result: 0 }), 300));
    expect(task).toMatchObject({ command: 'accepted', resultCode: 0, terminal: false });
  });

  it('result != 0 -> rejected with the code, terminal', () => {
    const task = get(applyReply(taskPublished(created(), 'bid-1', 200), reply({ result: 312015 }), 300));
    expect(task).toMatchObject({ command: 'rejected', resultCode: 312015, terminal: true, finishedAt: 300 });
  });

  it('matches by tid when the reply has no bid', () => {
    const task = get(applyReply(created(), reply({ bid: null, tid: 'tid-1', result: 312014 }), 300));
    expect(task.command).toBe('rejected');
  });

  it('a reply whose bid is ours but whose tid is not is matched by its tid instead', () => {
    let table = created('bid-1', 'tid-1');
    table = taskCreated(table, { bid: 'bid-2', tid: 'tid-2', gateway: 'DOCK1', devices: [{ sn: 'DOCK1' }] }, 100);
    table = applyReply(table, reply({ bid: 'bid-1', tid: 'tid-2', result: 312015 }), 300);
    expect(get(table, 'bid-2').command).toBe('rejected');
    expect(get(table, 'bid-1').command).toBe('queued');
  });

  it('a late reply after no-reply still records the answer', () => {
    const timedOut = replyTimedOut(taskPublished(created(), 'bid-1', 200), 'bid-1');
    expect(get(applyReply(timedOut, reply({}), 90_000)).command).toBe('accepted');
  });

  it('a second reply does not change the first answer', () => {
    const accepted = applyReply(created(), reply({ result: 0 }), 300);
    expect(applyReply(accepted, reply({ result: 312015 }), 400)).toBe(accepted);
  });

  it('an unknown bid records a task started elsewhere with the answer', () => {
    const task = get(applyReply(EMPTY_TASK_TABLE, reply({ bid: 'other', tid: 't9', result: 312027, gateway: 'DOCK7' }), 300), 'other');
    expect(task).toMatchObject({ origin: 'elsewhere', gateway: 'DOCK7', command: 'rejected', resultCode: 312027, devicesInferred: true });
  });
});

describe('applyOtaCreateSeen', () => {
  it('ignores our own publish coming back on the services topic', () => {
    const table = created();
    expect(applyOtaCreateSeen(table, otaCreate({ bid: 'bid-1' }), 300)).toBe(table);
  });

  it("creates a task for another console's ota_create with its devices and target versions", () => {
    const msg = otaCreate({
      bid: 'b-x',
      tid: 't-x',
      gateway: 'DOCK3',
      ts: 777,
      devices: [
        { sn: 'DOCK3', version: '3.1.0', size: 42 },
        { sn: 'AIR3', version: '7.0.0' },
      ],
    });
    const task = get(applyOtaCreateSeen(EMPTY_TASK_TABLE, msg, 900), 'b-x');
    expect(task).toMatchObject({
      origin: 'elsewhere',
      command: 'published',
      tid: 't-x',
      gateway: 'DOCK3',
      createdAt: 777,
      devicesInferred: false,
    });
    expect(task.devices).toEqual([
      { sn: 'DOCK3', targetVersion: '3.1.0', fileName: 'DOCK3-3.1.0.bin', fileSize: 42, verification: null },
      { sn: 'AIR3', targetVersion: '7.0.0', fileName: 'AIR3-7.0.0.bin', fileSize: 1_000_000, verification: null },
    ]);
  });

  it('fills in the devices of a task known only from its progress, keeping the progress', () => {
    let table = applyProgress(EMPTY_TASK_TABLE, progress({ bid: 'b-x', percent: 30 }), 900);
    table = applyOtaCreateSeen(table, otaCreate({ bid: 'b-x', devices: [{ sn: 'DOCK1', version: '2.0.0' }] }), 950);
    const task = get(table, 'b-x');
    expect(task).toMatchObject({ devicesInferred: false, execution: { percent: 30 } });
    expect(task.devices.map((d) => d.targetVersion)).toEqual(['2.0.0']);
  });

  it('seen after the task already ended ok: verification starts', () => {
    let table = applyProgress(EMPTY_TASK_TABLE, progress({ bid: 'b-x', status: 'ok', percent: 100 }), 900);
    table = applyOtaCreateSeen(table, otaCreate({ bid: 'b-x' }), 950);
    expect(get(table, 'b-x').devices[0]?.verification).toBe('pending');
  });

  it('a repeated ota_create for a known elsewhere task changes nothing', () => {
    const table = applyOtaCreateSeen(EMPTY_TASK_TABLE, otaCreate({ bid: 'b-x' }), 900);
    expect(applyOtaCreateSeen(table, otaCreate({ bid: 'b-x', devices: [{ sn: 'DOCK1', version: '9' }] }), 950)).toBe(table);
  });
});
