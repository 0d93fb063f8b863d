import { describe, expect, it } from 'vitest';
import type { OtaCreateDevice } from '../../src/protocol/messages.ts';
import { DEFAULT_DOCK_SETTINGS, DockMachine, type DockOutput, type DockSettings } from './dock-machine.ts';
import { seededRng } from './rng.ts';
import type { DockIdentity } from './sim-device.ts';

const MD5_DOCK = '0123456789abcdef0123456789abcdef';
const MD5_AIR = 'fedcba9876543210fedcba9876543210';

function identity(opts: { aircraft?: boolean; dockCompat?: 0 | 1 } = {}): DockIdentity {
  return {
    dock: { sn: 'DOCK1', domain: '3', type: 2, subType: 0, firmwareVersion: '10.00.0804', compatibleStatus: opts.dockCompat ?? 0 },
    aircraft:
      opts.aircraft === false
        ? null
        : { sn: 'AIR1', domain: '0', type: 91, subType: 0, firmwareVersion: '10.00.0305', compatibleStatus: 0 },
  };
}

function device(sn: string, overrides: Partial<OtaCreateDevice> = {}): OtaCreateDevice {
  return {
    sn,
    product_version: sn === 'AIR1' ? '10.02.0104' : '10.02.0308',
    file_url: `http://127.0.0.1:8080/firmware/${sn}.bin`,
    md5: sn === 'AIR1' ? MD5_AIR : MD5_DOCK,
    file_size: 1000,
    file_name: `${sn}.bin`,
    firmware_upgrade_type: 3,
    ...overrides,
  };
}

function machine(opts: { settings?: Partial<DockSettings>; aircraft?: boolean; dockCompat?: 0 | 1; seed?: number } = {}): DockMachine {
  return new DockMachine(identity(opts), { ...DEFAULT_DOCK_SETTINGS, needReplyRate: 0, ...opts.settings }, seededRng(opts.seed ?? 1));
}

const create = (devices: unknown[], tid = 'tid-1', bid = 'bid-1') => ({ tid, bid, data: { devices } });

type Timed = DockOutput & { at: number };

/** Runs one upgrade on a fake clock: download at 100 bytes per 100 ms, ticks every 100 ms. */
function runUpgrade(m: DockMachine, devices: OtaCreateDevice[], opts: { md5s?: Record<string, string>; untilMs?: number } = {}): Timed[] {
  const out: Timed[] = [];
  const record = (at: number, outputs: DockOutput[]) => out.push(...outputs.map((o) => ({ ...o, at })));
  record(0, m.otaCreate(create(devices), 0));
  const total = devices.reduce((n, d) => n + d.file_size, 0);
  let received = 0;
  let downloading = true;
  for (let now = 100; now <= (opts.untilMs ?? 200_000) && (m.busy || downloading); now += 100) {
    if (downloading) {
      received = Math.min(total, received + 100);
      const step = m.downloadProgress('bid-1', received, total, 1000, now);
      record(now, step);
      if (step.some((o) => o.kind === 'abort_download')) downloading = false;
      else if (received === total) {
        downloading = false;
        const files = devices.map((d) => ({ sn: d.sn, md5: opts.md5s?.[d.sn] ?? d.md5, size: d.file_size }));
        record(now, m.downloadFinished('bid-1', { ok: true, files }, now));
      }
    }
    record(now, m.tick(now));
  }
  return out;
}

const progress = (out: Timed[]) => out.filter((o): o is Extract<Timed, { kind: 'progress' }> => o.kind === 'progress');

describe('ota_create validation', () => {
  it('accepts a regular upgrade of dock and aircraft, echoing tid and bid with result 0', () => {
    const out = machine().otaCreate(create([device('DOCK1'), device('AIR1')], 'T9', 'B9'), 0);
    expect(out[0]).toEqual({ kind: 'reply', tid: 'T9', bid: 'B9', result: 0, status: 'sent' });
    expect(out).toContainEqual({ kind: 'download', bid: 'B9', files: [device('DOCK1'), device('AIR1')] });
  });

  it.each([
    ['no devices', []],
    ['three devices', [device('DOCK1'), device('AIR1'), device('DOCK1')]],
    ['an uppercase md5', [device('DOCK1', { md5: MD5_DOCK.toUpperCase() })]],
    ['a non-http url', [device('DOCK1', { file_url: 'ftp://host/x.bin' })]],
    ['a zero file size', [device('DOCK1', { file_size: 0 })]],
    ['an unknown upgrade type', [device('DOCK1', { firmware_upgrade_type: 7 as 3 })]],
    ['PSDK type 4 on a Dock 2', [device('DOCK1', { firmware_upgrade_type: 4 })]],
    ['an SN that is neither dock nor aircraft', [device('OTHER')]],
    ['the same SN twice', [device('DOCK1'), device('DOCK1')]],
    ['a device that is not an object', ['DOCK1']],
  ])('rejects %s with 312010', (_name, devices) => {
    const out = machine().otaCreate(create(devices), 0);
    expect(out).toEqual([{ kind: 'reply', tid: 'tid-1', bid: 'bid-1', result: 312010, status: 'rejected' }]);
  });

  it('rejects a second upgrade while one runs with 312014', () => {
    const m = machine();
    m.otaCreate(create([device('DOCK1')]), 0);
    const out = m.otaCreate(create([device('DOCK1')], 'tid-2', 'bid-2'), 10);
    expect(out).toEqual([{ kind: 'reply', tid: 'tid-2', bid: 'bid-2', result: 312014, status: 'rejected' }]);
    expect(m.activeBid).toBe('bid-1');
  });

  it('rejects an aircraft upgrade when no aircraft is in the dock with 312027', () => {
    const out = machine({ aircraft: false }).otaCreate(create([device('AIR1')]), 0);
    expect(out[0]).toMatchObject({ kind: 'reply', result: 312027 });
  });

  it('rejects a consistency upgrade for a consistent device with 312001 and accepts it when asked for', () => {
    expect(machine().otaCreate(create([device('DOCK1', { firmware_upgrade_type: 2 })]), 0)[0]).toMatchObject({ result: 312001 });
    expect(machine({ dockCompat: 1 }).otaCreate(create([device('DOCK1', { firmware_upgrade_type: 2 })]), 0)[0]).toMatchObject({
      result: 0,
    });
  });
});

describe('upgrade progression', () => {
  it('walks download, verify and upgrade to ok, then reports the new versions in state', () => {
    const m = machine();
    const out = runUpgrade(m, [device('DOCK1'), device('AIR1')]);
    const events = progress(out);
    const phases = events.map((e) => `${e.status}/${e.subStatus}`).filter((p, i, all) => p !== all[i - 1]);
    expect(phases).toEqual([
      'in_progress/DOWNLOADING',
      'in_progress/DOWNLOAD_SUCCESS',
      'in_progress/VERIFY',
      'in_progress/VERIFY_SUCCESS',
      'in_progress/UPLOADING_DRONE',
      'in_progress/UPGRADING',
      'ok/UPGRADE_SUCCESS',
    ]);
    expect(events.every((e) => e.bid === 'bid-1')).toBe(true);
    const firstUpgrade = events.find((e) => e.step === 'upgrade_firmware');
    expect(firstUpgrade?.percent).toBe(0);
    const downloading = events.filter((e) => e.subStatus === 'DOWNLOADING');
    expect(downloading.at(-1)!.percent).toBeGreaterThan(downloading[0]!.percent);
    expect(downloading.slice(1).every((e) => e.rate === 1000)).toBe(true);

    const okAt = events.at(-1)!.at;
    const finalStates = out.filter((o) => o.kind === 'state' && o.at === okAt);
    expect(finalStates).toEqual([
      { kind: 'state', sn: 'DOCK1', data: { firmware_version: '10.02.0308', compatible_status: 0, firmware_upgrade_status: 0 }, at: okAt },
      { kind: 'state', sn: 'AIR1', data: { firmware_version: '10.02.0104', compatible_status: 0, firmware_upgrade_status: 0 }, at: okAt },
    ]);
    expect(m.busy).toBe(false);
    expect(m.fullState()[0]!.data.firmware_version).toBe('10.02.0308');
  });

  it('sends at most one event per second however often progress arrives', () => {
    const out = runUpgrade(machine(), [device('DOCK1')]);
    const times = progress(out).map((e) => e.at);
    expect(times.length).toBeGreaterThan(10);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(1000);
  });

  it('ends in VERIFY_FAILED when the downloaded md5 differs from the request', () => {
    const m = machine();
    const last = progress(runUpgrade(m, [device('DOCK1')], { md5s: { DOCK1: MD5_AIR } })).at(-1)!;
    expect(last).toMatchObject({ status: 'failed', subStatus: 'VERIFY_FAILED', step: 'download_firmware' });
    expect(m.busy).toBe(false);
    expect(m.fullState()[0]!.data.firmware_version).toBe('10.00.0804');
  });

  it('ends in DOWNLOAD_FAILED when the download itself fails', () => {
    const m = machine();
    m.otaCreate(create([device('DOCK1')]), 0);
    const out = [...m.downloadFinished('bid-1', { ok: false, error: 'HTTP 404' }, 1500), ...m.tick(2500)];
    expect(out.find((o) => o.kind === 'progress')).toMatchObject({ status: 'failed', subStatus: 'DOWNLOAD_FAILED' });
    expect(out).toContainEqual({ kind: 'state', sn: 'DOCK1', data: { firmware_upgrade_status: 0 } });
  });

  it('marks some events need_reply according to the configured share', () => {
    const all = progress(runUpgrade(machine({ settings: { needReplyRate: 1 } }), [device('DOCK1')]));
    const none = progress(runUpgrade(machine({ settings: { needReplyRate: 0 } }), [device('DOCK1')]));
    expect(all.every((e) => e.needReply)).toBe(true);
    expect(none.some((e) => e.needReply)).toBe(false);
  });

  it('ignores progress for another bid', () => {
    const m = machine();
    m.otaCreate(create([device('DOCK1')]), 0);
    expect(m.downloadProgress('other', 500, 1000, 10, 5000)).toEqual([]);
    expect(m.downloadFinished('other', { ok: true, files: [] }, 5000)).toEqual([]);
  });
});

describe('failure injection', () => {
  const rates = (r: Partial<DockSettings['failureRates']>) => ({ failureRates: { download: 0, verify: 0, stall: 0, ...r } });

  it('aborts the download and fails with DOWNLOAD_FAILED', () => {
    const out = runUpgrade(machine({ settings: rates({ download: 1 }) }), [device('DOCK1')]);
    expect(out.some((o) => o.kind === 'abort_download')).toBe(true);
    expect(progress(out).at(-1)).toMatchObject({ status: 'failed', subStatus: 'DOWNLOAD_FAILED' });
  });

  it('fails verification even when the md5 matches', () => {
    const out = runUpgrade(machine({ settings: rates({ verify: 1 }) }), [device('DOCK1')]);
    expect(progress(out).at(-1)).toMatchObject({ status: 'failed', subStatus: 'VERIFY_FAILED' });
  });

  it('goes silent for the stall time, then finishes', () => {
    const stallMs = 30_000;
    const out = runUpgrade(machine({ settings: { ...rates({ stall: 1 }), stallMs } }), [device('DOCK1')]);
    const times = progress(out).map((e) => e.at);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(Math.max(...gaps)).toBeGreaterThanOrEqual(stallMs);
    expect(progress(out).at(-1)).toMatchObject({ status: 'ok' });
  });

  it('draws the same failures for the same seed and different ones across seeds', () => {
    const settings = rates({ download: 0.5, verify: 0.3 });
    const outcomes = (seed: number) =>
      Array.from({ length: 12 }, () => 0).map(
        (_, i) => progress(runUpgrade(machine({ settings, seed: seed * 100 + i }), [device('DOCK1')])).at(-1)!.subStatus,
      );
    expect(outcomes(1)).toEqual(outcomes(1));
    expect(new Set(outcomes(1)).size).toBeGreaterThan(1);
  });
});
