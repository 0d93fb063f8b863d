import { describe, expect, it } from 'vitest';
import { readPlan, readStartNotBefore, type PlanProblem } from './plan-file.ts';

const BASE = 'file:///etc/ota/plan.json';
const dock2 = {
  id: 'dock2-10.02',
  model: '3-2-0',
  product_version: '10.02.0308',
  file_name: 'dock2_10.02.0308.bin',
  file_url: 'https://firmware.example.com/dock2_10.02.0308.bin',
  file_size: 1048576,
  md5: '0123456789abcdef0123456789abcdef',
};
const base = { firmware: [dock2], gateways: ['DOCK-0001', 'DOCK-0002'] };

function problems(doc: object): PlanProblem[] {
  const read = readPlan(JSON.stringify(doc), BASE);
  if (read.ok) throw new Error('expected the plan to be refused');
  return read.problems;
}

describe('plan file: maintenance window, start not before, idle gate', () => {
  it('reads them in the plan time zone', () => {
    const read = readPlan(
      JSON.stringify({
        ...base,
        timeZone: 'Europe/Berlin',
        maintenanceWindow: { days: ['Thu', 'tuesday'], start: '01:00', durationMinutes: 120 },
        startNotBefore: '2026-12-08T01:00',
        idleGate: { enabled: true, allowUnknown: true },
      }),
      BASE,
    );
    expect(read.ok && read.plan.timing).toEqual({
      window: { days: [2, 4], start: '01:00', durationMinutes: 120, timeZone: 'Europe/Berlin' },
      notBefore: Date.UTC(2026, 11, 8, 0, 0),
      idleGate: { enabled: true, allowUnknown: true },
    });
  });

  it('defaults to no window, no start date, and the idle gate on with unknown docks held', () => {
    const read = readPlan(JSON.stringify(base), BASE);
    expect(read.ok && read.plan.timing).toEqual({ window: null, notBefore: null, idleGate: { enabled: true, allowUnknown: false } });
  });

  it('takes a start date with its own offset as that instant', () => {
    expect(readStartNotBefore('2026-12-08T01:00:00+01:00', 'UTC')).toBe(Date.UTC(2026, 11, 8, 0, 0));
    expect(readStartNotBefore('2026-12-08T01:00Z', 'Asia/Tokyo')).toBe(Date.UTC(2026, 11, 8, 1, 0));
    expect(readStartNotBefore('next tuesday', 'UTC')).toBeNull();
  });

  it('names each wrong field with a clear message', () => {
    expect(problems({ ...base, timeZone: 'Mars/Base' })).toEqual([
      { where: 'timeZone', message: '"Mars/Base" is not a time zone this system knows: use an IANA name such as "Europe/Berlin"' },
    ]);
    expect(problems({ ...base, maintenanceWindow: { days: ['Funday'], start: '25:00', durationMinutes: 0 } })).toEqual([
      { where: 'maintenanceWindow.days[0]', message: '"Funday" is not a day: use Mon, Tue, Wed, Thu, Fri, Sat or Sun' },
      { where: 'maintenanceWindow.start', message: 'must be a 24-hour time such as "01:00"' },
      { where: 'maintenanceWindow.durationMinutes', message: 'must be a whole number of minutes from 1 to 10080' },
    ]);
    expect(
      problems({ ...base, maintenanceWindow: { days: [], start: '01:00', durationMinutes: 60, every: 'week' } }).sort((a, b) =>
        a.where.localeCompare(b.where),
      ),
    ).toEqual([
      { where: 'maintenanceWindow', message: 'unknown field "every"' },
      { where: 'maintenanceWindow.days', message: 'must list at least one day' },
    ]);
    expect(problems({ ...base, startNotBefore: '8 Dec 2026' })).toEqual([
      {
        where: 'startNotBefore',
        message: 'must be a date and time such as "2026-05-12T01:00" (in timeZone) or "2026-05-12T01:00:00+02:00"',
      },
    ]);
    expect(problems({ ...base, idleGate: { enabled: 'yes' } })).toEqual([{ where: 'idleGate.enabled', message: 'must be true or false' }]);
  });
});
