/**
 * The documented example messages (src/protocol/fixtures) through the task model: what the Monitor
 * would show for each scenario the sources describe.
 */
import { describe, expect, it } from 'vitest';
import { decodeAsWatched } from '../protocol/documented-examples-test-kit.ts';
import type { Decoded } from '../protocol/messages.ts';
import { applyBatch } from './task-batch.ts';
import { REPUBLISH_WINDOW_MS } from './task-republish.ts';
import { EMPTY_TASK_TABLE, tasksInOrder, type TaskTable } from './task-table.ts';
import { storedTaskSchema } from './tasks-persistence-schema.ts';
import { otaCreate, progress, reply } from './task-test-kit.ts';

const NOW = 1_654_071_000_000;

function run(messages: readonly Decoded[], table: TaskTable = EMPTY_TASK_TABLE): TaskTable {
  return messages.reduce((t, m) => applyBatch(t, [m], NOW, 300_000), table);
}

function watched(file: string, order: readonly string[]): Decoded[] {
  const decoded = decodeAsWatched(file, order);
  return order.map((id) => decoded.get(id)!);
}

describe('DJI v1.11 firmware page, printed without method', () => {
  it('the ota_create is followed with both devices, then its reply and progress apply to it', () => {
    const table = run(watched('dji-cloud-api-doc-v1.11.3-dock-firmware', ['ota-create', 'ota-create-reply', 'ota-progress']));
    const [task, ...others] = tasksInOrder(table);
    expect(others).toEqual([]);
    expect(task).toMatchObject({ gateway: 'dock_sn', origin: 'elsewhere', command: 'accepted', devicesInferred: false });
    expect(task!.devices.map((d) => [d.sn, d.targetVersion, d.fileSize])).toEqual([
      ['drone_sn', '1.00.223', 653467234],
      ['dock_sn', '1.00.223', undefined],
    ]);
    expect(task!.execution).toMatchObject({ status: 'in_progress', percent: 10, step: 'download_firmware' });
  });
});

describe("DJI's reference backend re-publishing ota_create (new tid and bid, 3 s apart)", () => {
  const file = 'dji-reference-backend-publish-with-reply';
  const copies = ['ota-create-copy-1', 'ota-create-copy-2', 'ota-create-copy-3'];

  it('shows one upgrade; the reply and progress of the third copy apply to it', () => {
    const table = run(watched(file, [...copies, 'reply-to-copy-3', 'progress-of-copy-3']));
    const tasks = tasksInOrder(table);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      bid: 'bbbbbbb1-0000-4000-8000-000000000001',
      command: 'accepted',
      terminal: false,
      execution: { status: 'in_progress', percent: 12 },
      republished: [{ bid: 'bbbbbbb2-0000-4000-8000-000000000002' }, { bid: 'bbbbbbb3-0000-4000-8000-000000000003' }],
    });
  });

  it('the first copy answered late and the others refused as busy (312014): accepted, not rejected', () => {
    const t = 1_654_070_968_655;
    const table = run([
      otaCreate({ gateway: 'G1', bid: 'b1', tid: 't1', ts: t }),
      otaCreate({ gateway: 'G1', bid: 'b2', tid: 't2', ts: t + 3_005 }),
      reply({ gateway: 'G1', bid: 'b1', tid: 't1', result: 0, ts: t + 3_500 }),
      otaCreate({ gateway: 'G1', bid: 'b3', tid: 't3', ts: t + 6_010 }),
      reply({ gateway: 'G1', bid: 'b2', tid: 't2', result: 312014, ts: t + 6_100 }),
      reply({ gateway: 'G1', bid: 'b3', tid: 't3', result: 312014, ts: t + 6_200 }),
      progress({ gateway: 'G1', bid: 'b1', tid: 't1', ts: t + 9_000, percent: 30 }),
    ]);
    const tasks = tasksInOrder(table);
    // b3 came after the reply to b1: not a copy of a task still waiting, so it is its own (refused) task.
    expect(tasks.map((x) => [x.bid, x.command])).toEqual([
      ['b1', 'accepted'],
      ['b3', 'rejected'],
    ]);
    // The refusal of copy b2 arrives after the task was accepted: it changes nothing.
    expect(tasks[0]).toMatchObject({ execution: { percent: 30 }, resultCode: 0, republished: [{ bid: 'b2' }] });
  });

  it("a reply that names only a copy's tid finds the task too", () => {
    const t = 1_654_070_968_655;
    const table = run([
      otaCreate({ gateway: 'G1', bid: 'b1', tid: 't1', ts: t }),
      otaCreate({ gateway: 'G1', bid: 'b2', tid: 't2', ts: t + 3_000 }),
      reply({ gateway: 'G1', bid: null, tid: 't2', result: 0 }),
    ]);
    expect(tasksInOrder(table).map((x) => [x.bid, x.command])).toEqual([['b1', 'accepted']]);
  });

  it('rejected only when every copy was refused', () => {
    const t = 1_654_070_968_655;
    const base = [
      otaCreate({ gateway: 'G1', bid: 'b1', tid: 't1', ts: t }),
      otaCreate({ gateway: 'G1', bid: 'b2', tid: 't2', ts: t + 3_000 }),
    ];
    const one = run([...base, reply({ gateway: 'G1', bid: 'b2', tid: 't2', result: 312015 })]);
    expect(tasksInOrder(one)).toHaveLength(1);
    expect(tasksInOrder(one)[0]).toMatchObject({ command: 'published', terminal: false });
    const both = run([reply({ gateway: 'G1', bid: 'b1', tid: 't1', result: 312015 })], one);
    expect(tasksInOrder(both)[0]).toMatchObject({ command: 'rejected', terminal: true, resultCode: 312015 });
  });

  it('other devices, other versions, another gateway or a gap past the window are other upgrades', () => {
    const t = 1_654_070_968_655;
    const first = otaCreate({ gateway: 'G1', bid: 'b1', tid: 't1', ts: t, devices: [{ sn: 'G1', version: '2.0.0' }] });
    const cases = [
      otaCreate({ gateway: 'G1', bid: 'b2', tid: 't2', ts: t + 3_000, devices: [{ sn: 'G1', version: '2.0.1' }] }),
      otaCreate({
        gateway: 'G1',
        bid: 'b2',
        tid: 't2',
        ts: t + 3_000,
        devices: [
          { sn: 'G1', version: '2.0.0' },
          { sn: 'AIR', version: '2.0.0' },
        ],
      }),
      otaCreate({ gateway: 'G2', bid: 'b2', tid: 't2', ts: t + 3_000, devices: [{ sn: 'G1', version: '2.0.0' }] }),
      otaCreate({ gateway: 'G1', bid: 'b2', tid: 't2', ts: t + REPUBLISH_WINDOW_MS + 1, devices: [{ sn: 'G1', version: '2.0.0' }] }),
    ];
    for (const second of cases) expect(tasksInOrder(run([first, second]))).toHaveLength(2);
    expect(
      tasksInOrder(
        run([first, otaCreate({ gateway: 'G1', bid: 'b2', tid: 't2', ts: t + 3_000, devices: [{ sn: 'G1', version: '2.0.0' }] })]),
      ),
    ).toHaveLength(1);
  });

  it('a copy after progress of the first is another upgrade', () => {
    const t = 1_654_070_968_655;
    const table = run([
      otaCreate({ gateway: 'G1', bid: 'b1', tid: 't1', ts: t }),
      progress({ gateway: 'G1', bid: 'b1', ts: t + 1_000, percent: 5 }),
      otaCreate({ gateway: 'G1', bid: 'b2', tid: 't2', ts: t + 3_000 }),
    ]);
    expect(tasksInOrder(table).map((x) => x.bid)).toEqual(['b1', 'b2']);
  });
});

describe('step_result (DJI reference backend and web app; older DJI documentation)', () => {
  it('non-zero ends the task as failed, with the step result shown as its code', () => {
    const table = run(watched('dji-reference-backend-output-progress', ['progress-step-ok', 'progress-step-failed']));
    const [task] = tasksInOrder(table);
    expect(task).toMatchObject({ terminal: true, execution: { status: 'failed', stepResult: 1, result: 1, percent: 40 } });
    expect(task!.events.map((e) => [e.status, e.stepResult])).toEqual([
      ['in_progress', 0],
      ['in_progress', 1],
    ]);
  });

  it('step_result 0 is no failure', () => {
    const [task] = tasksInOrder(run(watched('dji-reference-backend-output-progress', ['progress-step-ok'])));
    expect(task).toMatchObject({ terminal: false, execution: { status: 'in_progress', result: 0 } });
    expect(task!.execution!.stepResult).toBeUndefined();
  });
});

describe('ota_progress without progress or percent (DJI reference web app)', () => {
  it('a terminal status applies and keeps the last percent and step', () => {
    const [task] = tasksInOrder(run(watched('dji-reference-web-device-cmd', ['progress-in-progress', 'progress-ok-without-progress'])));
    expect(task).toMatchObject({ terminal: true, execution: { status: 'ok', percent: 70, step: 'upgrade_firmware' } });
  });

  it('the first message of a task without a percent starts at 0', () => {
    const [task] = tasksInOrder(run(watched('dji-reference-web-device-cmd', ['progress-failed-without-percent'])));
    expect(task).toMatchObject({ terminal: true, execution: { status: 'failed', percent: 0, step: 'upgrade_firmware' } });
  });
});

describe('what these add to a task survives storage', () => {
  it('step results and re-published copies are stored and read back', () => {
    const stepped = tasksInOrder(run(watched('dji-reference-backend-output-progress', ['progress-step-ok', 'progress-step-failed'])))[0]!;
    const copied = tasksInOrder(run(watched('dji-reference-backend-publish-with-reply', ['ota-create-copy-1', 'ota-create-copy-2'])))[0]!;
    for (const task of [stepped, copied]) {
      const stored = JSON.parse(JSON.stringify(task)) as unknown;
      expect(storedTaskSchema.parse(stored)).toEqual(JSON.parse(JSON.stringify(task)));
    }
    expect(copied.republished).toHaveLength(1);
  });
});
