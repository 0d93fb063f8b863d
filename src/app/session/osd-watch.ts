/**
 * Whose osd the page's session subscribes to (src/broker/osd-subscriptions.ts): a dock sends a few
 * KB of telemetry every 2 s and the console reads one field of it, mode_code, which matters for
 * - gateways with an upgrade under way (a task not ended): the Monitor and the campaign gate,
 * - gateways a running or paused campaign has yet to send to: the idle gate waits for mode_code,
 * - gateways ticked on the Upgrade screen: their skip reasons say when a device is upgrading,
 * each with the devices the task, the campaign plan and the fleet's topology list under it (an
 * aircraft sends its own osd). Everything else still arrives through state (firmware_upgrade_status)
 * and update_topo. Recomputed at most once per interval, and only after one of those changed in a
 * way that can change the set (not on every progress, osd or state).
 */
import type { ActiveSessionStore } from '../../broker/active-session';
import type { Campaign } from '../../campaigns/campaign-types';
import type { CampaignsStore } from '../../campaigns/campaign-store';
import type { FleetState } from '../../fleet/fleet-model';
import type { FleetStore } from '../../fleet/fleet-store';
import type { TaskTable } from '../../tasks/task-table';
import type { TasksStore } from '../../tasks/tasks-state';
import type { SelectionStore } from '../../upgrade/selection-store';

export interface OsdWatchInput {
  tasks: TaskTable;
  campaigns: readonly Campaign[];
  selected: ReadonlySet<string>;
  fleet: Pick<FleetState, 'gateways'>;
}

/** A campaign gateway that may still be sent (first try or a requested retry) or whose attempt is open. */
function stillToSend(gateway: Campaign['gateways'][number]): boolean {
  const last = gateway.attempts.at(-1);
  if (last === undefined) return gateway.skippedReason === null;
  return gateway.retryRequested || last.outcome === null;
}

/** Device SNs whose osd the console needs now. */
export function osdDevicesToWatch({ tasks, campaigns, selected, fleet }: OsdWatchInput): Set<string> {
  const devices = new Set<string>();
  const gateways = new Set<string>(selected);
  for (const bid of tasks.order) {
    const task = tasks.byBid.get(bid);
    if (task === undefined || task.terminal) continue;
    gateways.add(task.gateway);
    for (const device of task.devices) devices.add(device.sn);
  }
  for (const campaign of campaigns) {
    if (campaign.state !== 'running' && campaign.state !== 'paused') continue;
    for (const gateway of campaign.gateways) {
      if (!stillToSend(gateway)) continue;
      gateways.add(gateway.gateway);
      for (const device of gateway.devices) devices.add(device.sn);
    }
  }
  for (const sn of gateways) {
    devices.add(sn);
    for (const device of fleet.gateways.get(sn)?.devices ?? []) devices.add(device.sn);
  }
  return devices;
}

export interface OsdWatchDeps {
  tasks: TasksStore;
  campaigns: CampaignsStore;
  selection: SelectionStore;
  fleet: FleetStore;
  activeSession: ActiveSessionStore;
  /** How often the set may be recomputed (default 1 s: a dock's osd comes every 2 s). */
  everyMs?: number;
  /** What computes the set (tests count the calls). */
  devicesToWatch?: (input: OsdWatchInput) => Set<string>;
}

/**
 * Whether a table change can change the set: a task began, ended, moved or changed its devices.
 * Progress changes none of these, so at fleet scale (every task changing every second) the set is
 * not recomputed over all tasks every second for nothing.
 */
function tasksChangeWatch(before: TaskTable, after: TaskTable, changedBids: ReadonlySet<string> | null): boolean {
  if (changedBids === null) return true;
  for (const bid of changedBids) {
    const was = before.byBid.get(bid);
    const now = after.byBid.get(bid);
    if (was === now) continue;
    if (was === undefined || now === undefined) return true;
    if (was.terminal !== now.terminal || was.gateway !== now.gateway || was.devices !== now.devices) return true;
  }
  return false;
}

export const OSD_WATCH_EVERY_MS = 1_000;

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/** Keeps the active session's osd subscriptions in line with the stores; returns the stop function. */
export function startOsdWatch(deps: OsdWatchDeps): () => void {
  let watched = new Set<string>();
  let dirty = true;
  let session = deps.activeSession.getState().session;

  const recompute = () => {
    if (!dirty) return;
    dirty = false;
    const next = (deps.devicesToWatch ?? osdDevicesToWatch)({
      tasks: deps.tasks.getState().table,
      campaigns: deps.campaigns.getState().campaigns,
      selected: deps.selection.getState().selected,
      fleet: deps.fleet.getState(),
    });
    if (sameSet(next, watched)) return;
    const dropped = [...watched].filter((sn) => !next.has(sn));
    const added = [...next].filter((sn) => !watched.has(sn));
    watched = next;
    if (added.length > 0) deps.fleet.getState().osdWatched(added);
    session?.watchOsd([...watched]);
    if (dropped.length > 0) deps.fleet.getState().osdUnwatched(dropped);
  };
  const markDirty = () => {
    dirty = true;
  };

  const unsubscribes = [
    deps.tasks.subscribe((state, previous) => {
      if (state.table !== previous.table && tasksChangeWatch(previous.table, state.table, state.changedBids)) markDirty();
    }),
    deps.campaigns.subscribe((state, previous) => {
      if (state.campaigns !== previous.campaigns) markDirty();
    }),
    // Only which devices a gateway lists matters here, and that changes with the device-to-gateway
    // map (or the gateway list), not with every osd, state or progress that refreshes a gateway.
    deps.fleet.subscribe((state, previous) => {
      if (state.deviceGateway !== previous.deviceGateway || state.gatewaySns !== previous.gatewaySns) markDirty();
    }),
    // An operator's tick: at once, so the skip reasons have mode_code by the time the plan is shown.
    deps.selection.subscribe((state, previous) => {
      if (state.selected === previous.selected) return;
      markDirty();
      recompute();
    }),
    deps.activeSession.subscribe(({ session: next }) => {
      if (next === session) return;
      session = next;
      session?.watchOsd([...watched]);
    }),
  ];
  recompute();
  const timer = setInterval(recompute, deps.everyMs ?? OSD_WATCH_EVERY_MS);
  return () => {
    clearInterval(timer);
    for (const unsubscribe of unsubscribes) unsubscribe();
  };
}
