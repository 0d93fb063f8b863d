import { afterEach, describe, expect, it, vi } from 'vitest';
import { createActiveSessionStore } from '../../broker/active-session';
import type { BrokerSession } from '../../broker/session-types';
import { makePlan } from '../../campaigns/campaign-test-kit';
import { createCampaignsStore } from '../../campaigns/campaign-store';
import { createFleetStore } from '../../fleet/fleet-store';
import { osd, topo } from '../../fleet/fleet-test-kit';
import { progress } from '../../tasks/task-test-kit';
import { createTasksStore } from '../../tasks/tasks-store';
import { createSelectionStore } from '../../upgrade/selection-store';
import { osdDevicesToWatch, startOsdWatch, type OsdWatchInput } from './osd-watch';

/** A session that only records what it was asked to watch. */
function watchingSession(): BrokerSession & { watched: string[][] } {
  const watched: string[][] = [];
  return {
    watched,
    publish: () => Promise.resolve(),
    onBatch: () => () => undefined,
    resubscribe: () => Promise.resolve(),
    close: () => Promise.resolve(),
    readOnly: false,
    clientId: 'osd-watch-test',
    protocolVersion: 5,
    watchOsd: (sns) => watched.push([...sns].sort()),
  };
}

function world(devicesToWatch?: (input: OsdWatchInput) => Set<string>) {
  const stores = {
    tasks: createTasksStore(),
    campaigns: createCampaignsStore(),
    selection: createSelectionStore(),
    fleet: createFleetStore(),
    activeSession: createActiveSessionStore(),
  };
  const session = watchingSession();
  stores.activeSession.setState({ session });
  const stop = startOsdWatch({ ...stores, everyMs: 1_000, ...(devicesToWatch ? { devicesToWatch } : {}) });
  return { ...stores, session, stop };
}

const stops: (() => void)[] = [];
afterEach(() => {
  stops.splice(0).forEach((stop) => stop());
  vi.useRealTimers();
});

describe('osd watch: the devices whose osd the page subscribes to', () => {
  it('watches gateways with an open task, with the aircraft the fleet lists, and drops them when the task ends', () => {
    vi.useFakeTimers();
    const w = world();
    stops.push(w.stop);
    expect(w.session.watched).toEqual([]);
    w.fleet.getState().batchReceived([topo('DOCK1', '3-2-0', [{ sn: 'AIR1', model: '0-91-0' }]), osd('AIR1', 13, 'DOCK1')], 1_000);
    w.tasks.getState().batchReceived([progress({ gateway: 'DOCK1', bid: 'b-1', percent: 10 })], 1_000);
    vi.advanceTimersByTime(1_000);
    expect(w.session.watched.at(-1)).toEqual(['AIR1', 'DOCK1']);
    expect(w.fleet.getState().gateways.get('DOCK1')?.upgrading).toBe(true);

    w.tasks.getState().batchReceived([progress({ gateway: 'DOCK1', bid: 'b-1', status: 'ok', percent: 100, tid: 't-end' })], 2_000);
    vi.advanceTimersByTime(1_000);
    expect(w.session.watched.at(-1)).toEqual([]);
    // Its osd no longer comes: the last mode_code (13, upgrading) must not stay.
    expect(w.fleet.getState().gateways.get('DOCK1')?.upgrading).toBe(false);
  });

  it('watches what a running campaign has yet to send, and a gateway ticked on the Upgrade screen at once', () => {
    vi.useFakeTimers();
    const w = world();
    stops.push(w.stop);
    w.campaigns.getState().campaignStarted(makePlan(2), 1_000);
    vi.advanceTimersByTime(1_000);
    expect(w.session.watched.at(-1)).toEqual(['DOCK001', 'DOCK002']);
    w.selection.getState().gatewayToggled('DOCK777', true);
    expect(w.session.watched.at(-1)).toEqual(['DOCK001', 'DOCK002', 'DOCK777']);
  });

  it('tells a new session what is watched', () => {
    vi.useFakeTimers();
    const w = world();
    stops.push(w.stop);
    w.selection.getState().gatewayToggled('DOCK5', true);
    const next = watchingSession();
    w.activeSession.setState({ session: next });
    expect(next.watched).toEqual([['DOCK5']]);
  });

  it('recomputes when a task begins or ends or the topology changes, not on every progress or osd', () => {
    vi.useFakeTimers();
    let computed = 0;
    const w = world((input) => {
      computed += 1;
      return osdDevicesToWatch(input);
    });
    stops.push(w.stop);
    const tick = () => vi.advanceTimersByTime(1_000);
    w.fleet.getState().batchReceived([topo('DOCK1', '3-2-0', [])], 500);
    tick();
    const startup = computed;

    w.tasks.getState().batchReceived([progress({ gateway: 'DOCK1', bid: 'b-1', percent: 10 })], 1_000);
    tick();
    expect(computed).toBe(startup + 1);
    expect(w.session.watched.at(-1)).toEqual(['DOCK1']);

    w.tasks.getState().batchReceived([progress({ gateway: 'DOCK1', bid: 'b-1', percent: 20, tid: 't-2' })], 2_000);
    w.fleet.getState().batchReceived([osd('DOCK1', 3)], 2_000);
    tick();
    expect(w.tasks.getState().table.byBid.get('b-1')?.execution?.percent).toBe(20);
    expect(computed).toBe(startup + 1);

    w.fleet.getState().batchReceived([topo('DOCK1', '3-2-0', [{ sn: 'AIR1', model: '0-91-0' }])], 3_000);
    tick();
    expect(computed).toBe(startup + 2);
    expect(w.session.watched.at(-1)).toEqual(['AIR1', 'DOCK1']);

    w.tasks.getState().batchReceived([progress({ gateway: 'DOCK2', bid: 'b-2', percent: 1 })], 4_000);
    tick();
    expect(w.session.watched.at(-1)).toEqual(['AIR1', 'DOCK1', 'DOCK2']);

    w.tasks.getState().batchReceived([progress({ gateway: 'DOCK1', bid: 'b-1', status: 'ok', percent: 100, tid: 't-end' })], 5_000);
    tick();
    expect(computed).toBe(startup + 4);
    expect(w.session.watched.at(-1)).toEqual(['DOCK2']);
  });
});
