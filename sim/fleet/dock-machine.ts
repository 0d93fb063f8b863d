import type { OtaCreateDevice } from '../../src/protocol/messages.ts';
import type { StepKey, SubStatus, TaskStatus } from '../../src/protocol/status.ts';
import { EventPacer } from './event-pacer.ts';
import type { Rng } from './rng.ts';
import type { DockIdentity, SimDevice } from './sim-device.ts';
import { RESULT_DOCK_BUSY, validateOtaCreate } from './validate-ota.ts';
import { drawPlan, type FailurePlan, type FailureRates } from './failure-plan.ts';

export interface DockSettings {
  failureRates: FailureRates;
  /** Share of progress events sent with need_reply 1. */
  needReplyRate: number;
  verifyMs: number;
  /** Duration of the upgrade_firmware step for the dock itself. */
  upgradeMs: number;
  /** Extra time in the upgrade step, shown as UPLOADING_DRONE, when the aircraft is a target. */
  aircraftUploadMs: number;
  /** How long an injected stall keeps the dock silent. */
  stallMs: number;
  /** Minimum time between two ota_progress events of this dock. */
  eventIntervalMs: number;
  /**
   * Mean time between two flight missions of this dock (0: it never flies). While one runs the dock
   * reports osd mode_code 4 (working), its aircraft 5 (wayline flight), and refuses ota_create with
   * 312015 (dock busy).
   */
  missionEveryMs: number;
  /** Mean length of a mission (each lasts 0.5x-1.5x of it). */
  missionMs: number;
}

export const DEFAULT_DOCK_SETTINGS: DockSettings = {
  failureRates: { download: 0, verify: 0, stall: 0 },
  needReplyRate: 0.2,
  verifyMs: 2000,
  upgradeMs: 15000,
  aircraftUploadMs: 10000,
  stallMs: 90000,
  eventIntervalMs: 1000,
  missionEveryMs: 0,
  missionMs: 60000,
};

/** osd mode_code of a DJI dock and its aircraft (docs/protocol.md, "osd mode_code"). */
const DOCK_IDLE = 0;
const DOCK_UPGRADING = 3;
const DOCK_WORKING = 4;
const AIRCRAFT_STANDBY = 0;
const AIRCRAFT_WAYLINE_FLIGHT = 5;
const AIRCRAFT_UPGRADING = 13;

export interface StateFields {
  firmware_version?: string;
  compatible_status?: 0 | 1;
  firmware_upgrade_status?: 0 | 1;
}

export interface ProgressFields {
  status: TaskStatus;
  subStatus: SubStatus;
  step: StepKey;
  percent: number;
  /** Download speed in bytes/s, only while downloading. */
  rate: number | null;
}

export type DockOutput =
  | { kind: 'reply'; tid: string; bid: string; result: number; status: TaskStatus }
  | ({ kind: 'progress'; bid: string; needReply: boolean } & ProgressFields)
  | { kind: 'state'; sn: string; data: StateFields }
  | { kind: 'download'; bid: string; files: OtaCreateDevice[] }
  | { kind: 'abort_download'; bid: string };

export interface DownloadedFile {
  sn: string;
  md5: string;
  size: number;
}

export type DownloadResult = { ok: true; files: DownloadedFile[] } | { ok: false; error: string };

type Phase =
  | { name: 'downloading' }
  /** until and startedAt stay null while earlier events are still queued: see tick(). */
  | { name: 'verifying'; until: number | null; passed: boolean }
  | { name: 'upgrading'; startedAt: number | null; duration: number; uploadMs: number }
  /** The terminal event is queued; the dock stays busy until it is on the wire. */
  | { name: 'finishing' };

interface Task {
  bid: string;
  devices: OtaCreateDevice[];
  plan: FailurePlan;
  phase: Phase;
  stallDone: boolean;
}

interface QueuedEvent {
  key: string;
  fields: ProgressFields;
  terminal: boolean;
  /** Published right after the event (the new firmware_version after ok). */
  after: { sn: string; data: StateFields }[];
}

/**
 * One simulated dock, with no I/O and no clock of its own: the caller passes `now` and carries
 * out the outputs (publish, start or abort a download). The same inputs and seed give the same
 * outputs, which is what the unit tests rely on.
 */
export class DockMachine {
  readonly identity: DockIdentity;
  private readonly settings: DockSettings;
  private readonly rng: Rng;
  private readonly pacer: EventPacer<QueuedEvent>;
  private task: Task | null = null;
  private mutedUntil = Number.NEGATIVE_INFINITY;
  private mission: { until: number } | null = null;
  private nextMissionAt: number | null = null;

  constructor(identity: DockIdentity, settings: DockSettings, rng: Rng) {
    this.identity = identity;
    this.settings = settings;
    this.rng = rng;
    this.pacer = new EventPacer(settings.eventIntervalMs);
  }

  get busy(): boolean {
    return this.task !== null;
  }

  /** On a flight mission (mode_code working / wayline flight). */
  get flying(): boolean {
    return this.mission !== null;
  }

  get activeBid(): string | null {
    return this.task?.bid ?? null;
  }

  devices(): SimDevice[] {
    return this.identity.aircraft ? [this.identity.dock, this.identity.aircraft] : [this.identity.dock];
  }

  /** Everything state reports, for the first publish after connecting. */
  fullState(): { sn: string; data: StateFields }[] {
    return this.devices().map((d) => ({
      sn: d.sn,
      data: {
        firmware_version: d.firmwareVersion,
        compatible_status: d.compatibleStatus,
        firmware_upgrade_status: this.task?.devices.some((t) => t.sn === d.sn) ? 1 : 0,
      },
    }));
  }

  /** mode_code per device for osd: dock 3 and aircraft 13 while upgrading; 4 and 5 on a mission. */
  osd(): { sn: string; modeCode: number }[] {
    const targets = new Set(this.task?.devices.map((d) => d.sn) ?? []);
    const dockMode = this.task ? DOCK_UPGRADING : this.mission ? DOCK_WORKING : DOCK_IDLE;
    const out = [{ sn: this.identity.dock.sn, modeCode: dockMode }];
    if (this.identity.aircraft) {
      const sn = this.identity.aircraft.sn;
      out.push({ sn, modeCode: targets.has(sn) ? AIRCRAFT_UPGRADING : this.mission ? AIRCRAFT_WAYLINE_FLIGHT : AIRCRAFT_STANDBY });
    }
    return out;
  }

  otaCreate(request: { tid: string; bid: string; data: unknown }, now: number): DockOutput[] {
    if (this.mission !== null) return [{ kind: 'reply', tid: request.tid, bid: request.bid, result: RESULT_DOCK_BUSY, status: 'rejected' }];
    const verdict = validateOtaCreate(this.identity, request.data, this.busy);
    if (verdict.result !== 0 || !('devices' in verdict)) {
      return [{ kind: 'reply', tid: request.tid, bid: request.bid, result: verdict.result, status: 'rejected' }];
    }
    const plan = drawPlan(this.rng, this.settings.failureRates);
    this.task = { bid: request.bid, devices: verdict.devices, plan, phase: { name: 'downloading' }, stallDone: false };
    this.pacer.clear();
    this.push({ status: 'in_progress', subStatus: 'DOWNLOADING', step: 'download_firmware', percent: 0, rate: 0 });
    return [
      { kind: 'reply', tid: request.tid, bid: request.bid, result: 0, status: 'sent' },
      ...verdict.devices.map((d): DockOutput => ({ kind: 'state', sn: d.sn, data: { firmware_upgrade_status: 1 } })),
      { kind: 'download', bid: request.bid, files: verdict.devices },
      ...this.emit(now),
    ];
  }

  downloadProgress(bid: string, received: number, total: number, rate: number, now: number): DockOutput[] {
    const task = this.task;
    if (!task || task.bid !== bid || task.phase.name !== 'downloading') return [];
    const fraction = total > 0 ? Math.min(1, received / total) : 0;
    const percent = Math.min(99, Math.floor(fraction * 100));
    this.maybeStall(task, 'download', fraction, now);
    if (task.plan.downloadFailAt !== null && fraction >= task.plan.downloadFailAt) {
      this.fail(task, 'DOWNLOAD_FAILED', 'download_firmware', percent);
      return [{ kind: 'abort_download', bid }, ...this.emit(now)];
    }
    this.push({ status: 'in_progress', subStatus: 'DOWNLOADING', step: 'download_firmware', percent, rate: Math.round(rate) });
    return this.emit(now);
  }

  downloadFinished(bid: string, result: DownloadResult, now: number): DockOutput[] {
    const task = this.task;
    if (!task || task.bid !== bid || task.phase.name !== 'downloading') return [];
    if (!result.ok || task.plan.downloadFailAt !== null) {
      this.fail(task, 'DOWNLOAD_FAILED', 'download_firmware', 0);
      return this.emit(now);
    }
    const matches = task.devices.every((device) => {
      const file = result.files.find((f) => f.sn === device.sn);
      return file !== undefined && file.md5 === device.md5 && file.size === device.file_size;
    });
    this.push({ status: 'in_progress', subStatus: 'DOWNLOAD_SUCCESS', step: 'download_firmware', percent: 100, rate: null });
    this.push({ status: 'in_progress', subStatus: 'VERIFY', step: 'download_firmware', percent: 100, rate: null });
    task.phase = { name: 'verifying', until: null, passed: matches && !task.plan.verifyFail };
    return this.emit(now);
  }

  /** Advances time-driven phases and sends the next due event. Call it a few times per second. */
  tick(now: number): DockOutput[] {
    this.advanceMission(now);
    const task = this.task;
    // A timed phase starts once the events announcing it are out, so the reports keep pace with
    // the device instead of trailing it by the pacing delay.
    const caughtUp = this.pacer.pending === 0;
    if (task?.phase.name === 'verifying' && task.phase.until === null && caughtUp) task.phase.until = now + this.settings.verifyMs;
    if (task?.phase.name === 'verifying' && task.phase.until !== null && now >= task.phase.until) {
      if (task.phase.passed) {
        this.push({ status: 'in_progress', subStatus: 'VERIFY_SUCCESS', step: 'download_firmware', percent: 100, rate: null });
        const uploadMs = task.devices.some((d) => d.sn === this.identity.aircraft?.sn) ? this.settings.aircraftUploadMs : 0;
        task.phase = { name: 'upgrading', startedAt: null, duration: uploadMs + this.settings.upgradeMs, uploadMs };
        this.push({
          status: 'in_progress',
          subStatus: uploadMs > 0 ? 'UPLOADING_DRONE' : 'UPGRADING',
          step: 'upgrade_firmware',
          percent: 0,
          rate: null,
        });
      } else {
        this.fail(task, 'VERIFY_FAILED', 'download_firmware', 100);
      }
    }
    if (task?.phase.name === 'upgrading' && task.phase.startedAt === null && caughtUp) task.phase.startedAt = now;
    if (task?.phase.name === 'upgrading' && task.phase.startedAt !== null) this.advanceUpgrade(task, task.phase, task.phase.startedAt, now);
    return this.emit(now);
  }

  /** Missions start now and then while no upgrade runs (exponential gaps around missionEveryMs). */
  private advanceMission(now: number): void {
    const every = this.settings.missionEveryMs;
    if (every <= 0) return;
    if (this.mission !== null) {
      if (now < this.mission.until) return;
      this.mission = null;
      this.nextMissionAt = null;
    }
    if (this.nextMissionAt === null) {
      this.nextMissionAt = now - Math.log(1 - this.rng()) * every;
      return;
    }
    if (this.task === null && now >= this.nextMissionAt) {
      this.mission = { until: now + this.settings.missionMs * (0.5 + this.rng()) };
    }
  }

  private advanceUpgrade(task: Task, phase: Extract<Phase, { name: 'upgrading' }>, startedAt: number, now: number): void {
    const elapsed = now - startedAt;
    const fraction = phase.duration > 0 ? Math.min(1, elapsed / phase.duration) : 1;
    if (this.maybeStall(task, 'upgrade', fraction, now)) {
      // A stalled device makes no progress either: resume where it stopped.
      phase.startedAt = startedAt + this.settings.stallMs;
      return;
    }
    if (fraction >= 1) {
      task.phase = { name: 'finishing' };
      this.pacer.push({
        key: 'ok',
        fields: { status: 'ok', subStatus: 'UPGRADE_SUCCESS', step: 'upgrade_firmware', percent: 100, rate: null },
        terminal: true,
        after: task.devices.map((d) => ({
          sn: d.sn,
          data: { firmware_version: d.product_version, compatible_status: 0, firmware_upgrade_status: 0 },
        })),
      });
      return;
    }
    const subStatus: SubStatus = elapsed < phase.uploadMs ? 'UPLOADING_DRONE' : 'UPGRADING';
    this.push({ status: 'in_progress', subStatus, step: 'upgrade_firmware', percent: Math.floor(fraction * 100), rate: null });
  }

  /** True when a stall starts now. */
  private maybeStall(task: Task, where: 'download' | 'upgrade', fraction: number, now: number): boolean {
    const stall = task.plan.stall;
    if (task.stallDone || !stall || stall.where !== where || fraction < stall.at) return false;
    task.stallDone = true;
    this.mutedUntil = now + this.settings.stallMs;
    return true;
  }

  private fail(task: Task, subStatus: SubStatus, step: StepKey, percent: number): void {
    task.phase = { name: 'finishing' };
    this.pacer.push({
      key: 'failed',
      fields: { status: 'failed', subStatus, step, percent, rate: null },
      terminal: true,
      after: task.devices.map((d) => ({ sn: d.sn, data: { firmware_upgrade_status: 0 } })),
    });
  }

  private push(fields: ProgressFields): void {
    this.pacer.push({ key: `${fields.status}|${fields.subStatus}|${fields.step}`, fields, terminal: false, after: [] });
  }

  private emit(now: number): DockOutput[] {
    const task = this.task;
    if (!task || now < this.mutedUntil) return [];
    const item = this.pacer.take(now);
    if (!item) return [];
    const out: DockOutput[] = [{ kind: 'progress', bid: task.bid, needReply: this.rng() < this.settings.needReplyRate, ...item.fields }];
    if (item.terminal) {
      for (const change of item.after) {
        this.applyState(change.sn, change.data);
        out.push({ kind: 'state', sn: change.sn, data: change.data });
      }
      this.task = null;
      this.pacer.clear();
    }
    return out;
  }

  private applyState(sn: string, data: StateFields): void {
    const device = this.devices().find((d) => d.sn === sn);
    if (!device) return;
    if (data.firmware_version !== undefined) device.firmwareVersion = data.firmware_version;
    if (data.compatible_status !== undefined) device.compatibleStatus = data.compatible_status;
  }
}
