import { describe, expect, it } from 'vitest';
import { applyReply, replyTimedOut, taskCreated, taskPublished } from './task-command.ts';
import { applyProgress } from './task-progress.ts';
import { deviceStatusText } from './task-status-text.ts';
import { EMPTY_TASK_TABLE, type TaskTable } from './task-table.ts';
import { progress, reply } from './task-test-kit.ts';
import type { UpgradeTask } from './task-types.ts';

const created = (): TaskTable =>
  taskCreated(EMPTY_TASK_TABLE, { bid: 'bid-1', tid: 'tid-1', gateway: 'DOCK1', devices: [{ sn: 'DOCK1' }, { sn: 'AIR1' }] }, 0);
const one = (table: TaskTable): UpgradeTask => table.byBid.get('bid-1')!;

describe('deviceStatusText (aria-valuetext of the contract)', () => {
  it('before any event: the command state', () => {
    expect(deviceStatusText(one(created()), 'DOCK1')).toBe('0% · Queued');
    expect(deviceStatusText(one(taskPublished(created(), 'bid-1', 1)), 'DOCK1')).toBe('0% · Sent');
    expect(deviceStatusText(one(replyTimedOut(taskPublished(created(), 'bid-1', 1), 'bid-1')), 'AIR1')).toBe('0% · No reply');
  });

  it('percent, the documented status label and sub-status label', () => {
    const table = applyProgress(created(), progress({ percent: 42, sub: 'DOWNLOADING', step: 'download_firmware' }), 1);
    expect(deviceStatusText(one(table), 'DOCK1')).toBe('42% · In Progress · Downloading');
    expect(deviceStatusText(one(table), 'AIR1')).toBe('42% · In Progress · Downloading');
  });

  it('leaves the sub-status part out when there is none, shows an undefined one as sent', () => {
    expect(deviceStatusText(one(applyProgress(created(), progress({ status: 'ok', percent: 100 }), 1)), 'DOCK1')).toBe(
      '100% · Successful Execution',
    );
    expect(deviceStatusText(one(applyProgress(created(), progress({ percent: 5, sub: 'NEW_THING' }), 1)), 'DOCK1')).toBe(
      '5% · In Progress · NEW_THING',
    );
  });

  it('the documented example: failed download', () => {
    const table = applyProgress(created(), progress({ status: 'failed', sub: 'DOWNLOAD_FAILED', percent: 0 }), 1);
    expect(deviceStatusText(one(table), 'DOCK1')).toBe('0% · Failed · Download failed');
  });

  it("a rejected task adds the result code's text", () => {
    const table = applyReply(taskPublished(created(), 'bid-1', 1), reply({ result: 312015 }), 2);
    expect(deviceStatusText(one(table), 'DOCK1')).toBe('0% · Rejected · 312015: The dock is busy (for example a flight is in progress)');
  });

  it('is empty for a device that is not part of the task', () => {
    expect(deviceStatusText(one(created()), 'OTHER')).toBe('');
  });
});
