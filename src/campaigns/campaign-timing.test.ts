import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorld, gatewaySn, makePlan, type World } from './campaign-test-kit.ts';
import type { Campaign, CampaignTiming } from './campaign-types.ts';
import { createDockActivity, OSD_FRESH_MS, type DockActivityTracker } from './dock-activity.ts';
import { aircraftOf, osdOf } from './dock-activity-test-kit.ts';
import { WEEKDAYS, type MaintenanceWindow } from './maintenance-window.ts';

let worlds: World[] = [];
function world(docks: DockActivityTracker, clock = { now: Date.UTC(2026, 11, 7, 12, 0) }): World {
  const w = createWorld({ docks, clock });
  worlds.push(w);
  return w;
}
afterEach(() => {
  worlds.forEach((w) => w.stop());
  worlds = [];
});

const MINUTE = 60_000;
const GATE_ON: CampaignTiming['idleGate'] = { enabled: true, allowUnknown: false };

function campaignOf(w: World, id: string): Campaign {
  const c = w.campaigns.getState().campaigns.find((x) => x.id === id);
  if (c === undefined) throw new Error(`no campaign ${id}`);
  return c;
}

function idle(w: World, docks: DockActivityTracker, gateways: string[]): void {
  docks.observe(
    gateways.flatMap((g) => [osdOf(g, 0), osdOf(aircraftOf(g), 0, g)]),
    w.clock.now,
  );
}

describe('maintenance window in the orchestrator', () => {
  it('sends nothing before the window opens, says when it opens, then sends', async () => {
    const docks = createDockActivity();
    // Monday 2026-12-07 12:00Z; the window is Tuesday 01:00-03:00 Berlin (00:00Z).
    const w = world(docks);
    const window: MaintenanceWindow = { days: [2], start: '01:00', durationMinutes: 120, timeZone: 'Europe/Berlin' };
    const id = w.campaigns
      .getState()
      .campaignStarted(
        { ...makePlan(2), timing: { window, notBefore: null, idleGate: { enabled: false, allowUnknown: true } } },
        w.clock.now,
      );
    await w.settle();
    expect(w.sentGateways()).toEqual([]);
    expect(campaignOf(w, id).waiting).toEqual({ kind: 'window', opensAt: Date.UTC(2026, 11, 8, 0, 0) });
    await w.advance(Date.UTC(2026, 11, 8, 0, 0) - w.clock.now);
    expect(w.sentGateways()).toEqual([gatewaySn(1), gatewaySn(2)]);
    expect(campaignOf(w, id).waiting).toBeNull();
  });

  it('lets upgrades already running finish after the window closes, and sends no new one until it opens again', async () => {
    const docks = createDockActivity();
    const w = world(docks, { now: Date.UTC(2026, 11, 8, 0, 0) });
    const window: MaintenanceWindow = { days: [2], start: '01:00', durationMinutes: 60, timeZone: 'Europe/Berlin' };
    const id = w.campaigns
      .getState()
      .campaignStarted(
        { ...makePlan(2, { maxParallel: 1 }), timing: { window, notBefore: null, idleGate: { enabled: false, allowUnknown: true } } },
        w.clock.now,
      );
    await w.settle();
    expect(w.sentGateways()).toEqual([gatewaySn(1)]);
    w.accept(gatewaySn(1));
    w.report(gatewaySn(1), 'in_progress', 10);
    await w.advance(61 * MINUTE);
    w.report(gatewaySn(1), 'ok');
    await w.settle();
    expect(campaignOf(w, id).gateways[0]?.attempts[0]?.outcome).toBe('succeeded');
    expect(w.sentGateways()).toEqual([gatewaySn(1)]);
    expect(campaignOf(w, id).waiting).toEqual({ kind: 'window', opensAt: Date.UTC(2026, 11, 15, 0, 0) });
  });

  it('waits for "start not before"', async () => {
    const docks = createDockActivity();
    const w = world(docks);
    const notBefore = w.clock.now + 30 * MINUTE;
    w.campaigns
      .getState()
      .campaignStarted(
        { ...makePlan(1), timing: { window: null, notBefore, idleGate: { enabled: false, allowUnknown: true } } },
        w.clock.now,
      );
    await w.settle();
    await w.advance(29 * MINUTE);
    expect(w.sentGateways()).toEqual([]);
    await w.advance(MINUTE);
    expect(w.sentGateways()).toEqual([gatewaySn(1)]);
  });
});

describe('idle gate in the orchestrator', () => {
  it('holds a working dock with the reason, sends the idle ones, and sends it once it is idle', async () => {
    const docks = createDockActivity();
    const w = world(docks);
    idle(w, docks, [gatewaySn(1), gatewaySn(2)]);
    docks.observe([osdOf(gatewaySn(1), 4)], w.clock.now);
    const id = w.campaigns
      .getState()
      .campaignStarted({ ...makePlan(2), timing: { window: null, notBefore: null, idleGate: GATE_ON } }, w.clock.now);
    await w.settle();
    expect(w.sentGateways()).toEqual([gatewaySn(2)]);
    expect(campaignOf(w, id).gateways[0]?.waiting).toEqual({
      kind: 'busy',
      device: gatewaySn(1),
      role: 'dock',
      activity: 'working',
      modeCode: 4,
    });
    expect(campaignOf(w, id).waiting).toEqual({ kind: 'docks', waiting: 1 });
    docks.observe([osdOf(gatewaySn(1), 0)], w.clock.now);
    await w.advance(1_000);
    expect(w.sentGateways()).toEqual([gatewaySn(2), gatewaySn(1)]);
    expect(campaignOf(w, id).gateways[0]?.waiting ?? null).toBeNull();
    expect(campaignOf(w, id).waiting).toBeNull();
  });

  it('does not let a waiting dock take a slot of max parallel, and does not count it as failed', async () => {
    const docks = createDockActivity();
    const w = world(docks);
    idle(w, docks, [gatewaySn(1), gatewaySn(2), gatewaySn(3)]);
    docks.observe([osdOf(aircraftOf(gatewaySn(1)), 5, gatewaySn(1))], w.clock.now);
    const id = w.campaigns.getState().campaignStarted(
      {
        ...makePlan(3, { maxParallel: 1, pauseAfterFailures: { count: 1 } }),
        timing: { window: null, notBefore: null, idleGate: GATE_ON },
      },
      w.clock.now,
    );
    await w.settle();
    expect(w.sentGateways()).toEqual([gatewaySn(2)]);
    const c = campaignOf(w, id);
    expect(c.state).toBe('running');
    expect(c.gateways[0]?.waiting).toMatchObject({ role: 'aircraft', activity: 'flying' });
  });

  it('holds a dock with no osd unless the operator allowed unknown state', async () => {
    const docks = createDockActivity();
    const w = world(docks);
    const held = w.campaigns
      .getState()
      .campaignStarted({ ...makePlan(1), timing: { window: null, notBefore: null, idleGate: GATE_ON } }, w.clock.now);
    await w.settle();
    expect(w.sentGateways()).toEqual([]);
    expect(campaignOf(w, held).gateways[0]?.waiting).toEqual({ kind: 'unknown' });
    w.campaigns.getState().campaignAborted(held, w.clock.now);
    w.campaigns
      .getState()
      .campaignStarted(
        { ...makePlan(1), timing: { window: null, notBefore: null, idleGate: { enabled: true, allowUnknown: true } } },
        w.clock.now,
      );
    await w.settle();
    expect(w.sentGateways()).toEqual([gatewaySn(1)]);
  });

  it('checks again just before the publish: a dock that started working after the decision is not sent to', async () => {
    const docks = createDockActivity();
    const w = world(docks);
    idle(w, docks, [gatewaySn(1)]);
    w.online.value = false;
    const id = w.campaigns
      .getState()
      .campaignStarted({ ...makePlan(1), timing: { window: null, notBefore: null, idleGate: GATE_ON } }, w.clock.now);
    await w.settle();
    // Decided and recorded while offline: the attempt waits for a session.
    expect(campaignOf(w, id).gateways[0]?.attempts).toHaveLength(1);
    docks.observe([osdOf(gatewaySn(1), 4)], w.clock.now);
    w.online.value = true;
    await w.advance(10_000);
    expect(w.sentGateways()).toEqual([]);
    expect(campaignOf(w, id).gateways[0]?.waiting).toMatchObject({ activity: 'working' });
    docks.observe([osdOf(gatewaySn(1), 0)], w.clock.now);
    await w.advance(10_000);
    expect(w.sentGateways()).toEqual([gatewaySn(1)]);
    // The same message as recorded: one attempt, its bid.
    expect(w.publisher.sent[0]?.message.bid).toBe(campaignOf(w, id).gateways[0]?.attempts[0]?.bid);
  });
});

describe('a paused campaign with nothing left to send', () => {
  it('finishes once its last running upgrade ended', async () => {
    const docks = createDockActivity();
    const w = world(docks);
    const id = w.campaigns.getState().campaignStarted(makePlan(1), w.clock.now);
    await w.settle();
    w.campaigns.getState().campaignPaused(id, w.clock.now);
    await w.settle();
    expect(campaignOf(w, id).state).toBe('paused');
    w.accept(gatewaySn(1));
    w.report(gatewaySn(1), 'ok');
    await w.settle();
    const c = campaignOf(w, id);
    expect(c.state).toBe('finished');
    expect(c.pausedReason).toBeNull();
  });

  it('stays paused while a gateway is still to be sent', async () => {
    const docks = createDockActivity();
    const w = world(docks);
    const id = w.campaigns.getState().campaignStarted(makePlan(2, { maxParallel: 1 }), w.clock.now);
    await w.settle();
    w.campaigns.getState().campaignPaused(id, w.clock.now);
    w.accept(gatewaySn(1));
    w.report(gatewaySn(1), 'ok');
    await w.settle();
    expect(campaignOf(w, id).state).toBe('paused');
  });
});

// ---- Property: whatever the events and clock ticks, no publish outside the window or to a busy dock ----

/** Fixed-offset zones: the oracle below checks the window with plain minute-of-week arithmetic. */
const ZONE_OFFSETS: Record<string, number> = { UTC: 0, 'Asia/Kolkata': 330, 'Etc/GMT+5': -300 };

function windowOpen(w: MaintenanceWindow, at: number): boolean {
  const local = Math.floor(at / MINUTE) + (ZONE_OFFSETS[w.timeZone] ?? 0);
  const minuteOfWeek = (((local + 3 * 1440) % 10080) + 10080) % 10080;
  const [h, m] = w.start.split(':').map(Number) as [number, number];
  return w.days.some((d) => (((minuteOfWeek - ((d - 1) * 1440 + h * 60 + m)) % 10080) + 10080) % 10080 < w.durationMinutes);
}

type Event =
  | { kind: 'tick'; ms: number }
  | { kind: 'osd'; gw: number; dock: number; aircraft: number | null }
  | { kind: 'accept'; gw: number }
  | { kind: 'finish'; gw: number; ok: boolean }
  | { kind: 'offline'; off: boolean }
  | { kind: 'pause' }
  | { kind: 'resume' }
  | { kind: 'retry' };

const GATEWAYS = 4;
const eventArb: fc.Arbitrary<Event> = fc.oneof(
  fc.record({
    kind: fc.constant('tick' as const),
    ms: fc.oneof(fc.integer({ min: 0, max: 5_000 }), fc.integer({ min: 0, max: 6 * 60 * MINUTE })),
  }),
  fc.record({
    kind: fc.constant('osd' as const),
    gw: fc.integer({ min: 1, max: GATEWAYS }),
    dock: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 6 })),
    aircraft: fc.option(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 21 }))),
  }),
  fc.record({ kind: fc.constant('accept' as const), gw: fc.integer({ min: 1, max: GATEWAYS }) }),
  fc.record({ kind: fc.constant('finish' as const), gw: fc.integer({ min: 1, max: GATEWAYS }), ok: fc.boolean() }),
  fc.record({ kind: fc.constant('offline' as const), off: fc.boolean() }),
  fc.constant({ kind: 'pause' as const }),
  fc.constant({ kind: 'resume' as const }),
  fc.constant({ kind: 'retry' as const }),
);

const timingArb: fc.Arbitrary<CampaignTiming> = fc.record({
  window: fc.option(
    fc.record({
      days: fc.uniqueArray(fc.constantFrom(...WEEKDAYS), { minLength: 1, maxLength: 7 }),
      start: fc
        .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
        .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
      durationMinutes: fc.integer({ min: 1, max: 12 * 60 }),
      timeZone: fc.constantFrom(...Object.keys(ZONE_OFFSETS)),
    }),
  ),
  notBefore: fc.option(fc.integer({ min: 0, max: 3 * 24 * 60 }).map((min) => Date.UTC(2026, 11, 7, 12, 0) + min * MINUTE)),
  idleGate: fc.record({ enabled: fc.constant(true), allowUnknown: fc.boolean() }),
});

describe('never a send outside the window or to a busy dock', () => {
  it('holds for any order of osd reports, task results, operator actions and clock ticks', async () => {
    await fc.assert(
      fc.asyncProperty(timingArb, fc.array(eventArb, { maxLength: 40 }), async (timing, events) => {
        const docks = createDockActivity();
        const clock = { now: Date.UTC(2026, 11, 7, 12, 0) };
        const w = createWorld({ docks, clock });
        // What the docks last said, as the test fed it: the oracle's own copy.
        const said = new Map<string, { dock: number; dockAt: number; aircraft: number | null; aircraftAt: number }>();
        const violations: string[] = [];
        const publish = w.publisher.publish.bind(w.publisher);
        w.publisher.publish = (topic, message) => {
          const gateway = topic.split('/')[2] ?? '';
          const at = clock.now;
          if (timing.notBefore !== null && at < timing.notBefore) violations.push(`${gateway} before notBefore at ${at}`);
          if (timing.window !== null && !windowOpen(timing.window, at))
            violations.push(`${gateway} outside the window at ${new Date(at).toISOString()}`);
          const s = said.get(gateway);
          const fresh = s !== undefined && at - s.dockAt <= OSD_FRESH_MS;
          if (!fresh && !timing.idleGate.allowUnknown) violations.push(`${gateway} of unknown state`);
          if (fresh && s.dock !== 0) violations.push(`${gateway} while the dock reports ${s.dock}`);
          const flying = fresh && s.aircraft !== null && at - s.aircraftAt <= OSD_FRESH_MS && s.aircraft !== 0 && s.aircraft !== 14;
          if (flying) violations.push(`${gateway} while its aircraft reports ${s.aircraft}`);
          return publish(topic, message);
        };
        try {
          const id = w.campaigns.getState().campaignStarted({ ...makePlan(GATEWAYS, { maxParallel: 2 }), timing }, clock.now);
          await w.settle();
          for (const e of events) {
            switch (e.kind) {
              case 'tick':
                await w.advance(e.ms);
                break;
              case 'osd': {
                const gw = gatewaySn(e.gw);
                const batch = [osdOf(gw, e.dock), ...(e.aircraft === null ? [] : [osdOf(aircraftOf(gw), e.aircraft, gw)])];
                docks.observe(batch, clock.now);
                // An aircraft that does not report keeps its last word until it goes stale.
                const before = said.get(gw);
                said.set(gw, {
                  dock: e.dock,
                  dockAt: clock.now,
                  aircraft: e.aircraft ?? before?.aircraft ?? null,
                  aircraftAt: e.aircraft === null ? (before?.aircraftAt ?? clock.now) : clock.now,
                });
                await w.settle();
                break;
              }
              case 'accept':
              case 'finish': {
                const gw = gatewaySn(e.gw);
                if (!w.tasks.getState().table.order.some((bid) => w.tasks.getState().table.byBid.get(bid)?.gateway === gw)) break;
                if (e.kind === 'accept') w.accept(gw);
                else w.report(gw, e.ok ? 'ok' : 'failed');
                await w.settle();
                break;
              }
              case 'offline':
                w.online.value = !e.off;
                await w.settle();
                break;
              case 'pause':
                w.campaigns.getState().campaignPaused(id, clock.now);
                await w.settle();
                break;
              case 'resume':
                w.campaigns.getState().campaignResumed(id, clock.now);
                await w.settle();
                break;
              case 'retry':
                w.campaigns.getState().failedRetried(id, clock.now);
                await w.settle();
                break;
            }
          }
        } finally {
          w.stop();
        }
        expect(violations).toEqual([]);
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
