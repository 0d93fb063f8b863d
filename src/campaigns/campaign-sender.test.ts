import { afterEach, describe, expect, it } from 'vitest';
import { servicesTopic } from '../protocol/topics.ts';
import { campaignFromRecord, campaignRecord } from './campaign-records.ts';
import { createCampaignsStore } from './campaign-store.ts';
import { createWorld, FakePublisher, gatewaySn, makePlan, type World } from './campaign-test-kit.ts';
import { taskFromRecord, taskRecord } from '../tasks/task-records.ts';
import { tasksInOrder } from '../tasks/task-table.ts';
import type { UpgradeTask } from '../tasks/task-types.ts';
import { createTasksStore } from '../tasks/tasks-store.ts';

let worlds: World[] = [];
function world(...args: Parameters<typeof createWorld>): World {
  const w = createWorld(...args);
  worlds.push(w);
  return w;
}
afterEach(() => {
  worlds.forEach((w) => w.stop());
  worlds = [];
});

/** A value as it comes back from IndexedDB: written as a record (structured clone), read and checked. */
function throughStorage<T, R>(value: T, record: (value: T) => R, back: (stored: unknown) => T | null): T[] {
  const read = back(structuredClone(record(value)));
  return read === null ? [] : [read];
}

describe('sender', () => {
  it('publishes one ota_create per gateway, QoS 1, on its services topic, with the task bid and tid', async () => {
    const w = world();
    const plan = makePlan(2);
    const id = w.campaigns.getState().campaignStarted(plan, w.clock.now);
    await w.settle();
    expect(w.publisher.sent.map((s) => s.topic)).toEqual([servicesTopic(gatewaySn(1)), servicesTopic(gatewaySn(2))]);
    const [first] = w.publisher.sent;
    expect(first?.message.method).toBe('ota_create');
    expect(first?.message.data.devices).toEqual(plan.items[0]?.devices);
    const task = w.tasks.getState().table.byBid.get(first?.message.bid ?? '');
    expect(task).toMatchObject({
      tid: first?.message.tid,
      gateway: gatewaySn(1),
      campaignId: id,
      attempt: 1,
      command: 'published',
      devices: [
        {
          sn: gatewaySn(1),
          fromVersion: '10.0.0',
          targetVersion: '10.1.0',
          modelKey: '3-1-0',
          fileName: 'dock-10.1.0.bin',
          fileSize: 1_000_000,
        },
      ],
    });
    expect(new Set(w.publisher.sent.map((s) => s.message.bid)).size).toBe(2);
  });

  it('keeps the task queued until the PUBACK, then published', async () => {
    const w = world();
    w.publisher.autoAck = false;
    w.campaigns.getState().campaignStarted(makePlan(1), w.clock.now);
    await w.settle();
    const sent = w.publisher.sent[0];
    expect(w.tasks.getState().table.byBid.get(sent?.message.bid ?? '')?.command).toBe('queued');
    await w.advance(10_000);
    expect(w.publisher.sent).toHaveLength(1);
    sent?.ack();
    await w.settle();
    expect(w.tasks.getState().table.byBid.get(sent?.message.bid ?? '')?.command).toBe('published');
  });

  it('queues while offline and sends each exactly once when connected', async () => {
    const w = world();
    w.online.value = false;
    w.campaigns.getState().campaignStarted(makePlan(2), w.clock.now);
    await w.advance(5_000);
    expect(w.publisher.sent).toHaveLength(0);
    w.online.value = true;
    await w.settle();
    await w.advance(5_000);
    expect(w.sentGateways()).toEqual([gatewaySn(1), gatewaySn(2)]);
    const bids = [...w.tasks.getState().table.byBid.values()].map((t) => t.bid);
    expect(w.publisher.sent.map((s) => s.message.bid)).toEqual(bids);
  });

  it('tries a failed publish again, with the same message', async () => {
    const w = world();
    w.publisher.autoAck = false;
    w.campaigns.getState().campaignStarted(makePlan(1), w.clock.now);
    await w.settle();
    w.publisher.sent[0]?.fail();
    await w.settle();
    expect(w.publisher.sent).toHaveLength(1);
    await w.advance(5_000);
    expect(w.publisher.sent).toHaveLength(2);
    expect(w.publisher.sent[1]?.message).toEqual(w.publisher.sent[0]?.message);
  });

  it('marks a published task with no services_reply as no reply after the reply timeout', async () => {
    const w = world();
    w.campaigns.getState().campaignStarted(makePlan(1), w.clock.now);
    await w.settle();
    const bid = w.publisher.sent[0]?.message.bid ?? '';
    await w.advance(w.tasks.getState().timings.replyTimeoutMs - 1);
    expect(w.tasks.getState().table.byBid.get(bid)?.command).toBe('published');
    await w.advance(1);
    expect(w.tasks.getState().table.byBid.get(bid)?.command).toBe('no-reply');
  });
});

describe('reload', () => {
  /** Stores the world's state as records, then builds a fresh one from them (as a page reload would). */
  function reload(w: World, options: { keepTasks: boolean }): World {
    const storedCampaigns = w.campaigns.getState().campaigns.flatMap((c) => throughStorage(c, campaignRecord, campaignFromRecord));
    const storedTasks: UpgradeTask[] = options.keepTasks
      ? tasksInOrder(w.tasks.getState().table).flatMap((t) => throughStorage(t, taskRecord, taskFromRecord))
      : [];
    w.stop();
    const tasks = createTasksStore();
    tasks
      .getState()
      .tasksRestored({ byBid: new Map(storedTasks.map((t) => [t.bid, t])), order: storedTasks.map((t) => t.bid) }, w.clock.now);
    const campaigns = createCampaignsStore();
    campaigns.getState().campaignsRestored(storedCampaigns);
    return world({ tasks, campaigns, publisher: new FakePublisher(), clock: { now: w.clock.now + 1_000 } });
  }

  it.each([true, false])('resumes without sending anything twice (task history kept: %s)', async (keepTasks) => {
    const w = world();
    w.publisher.autoAck = false;
    const id = w.campaigns.getState().campaignStarted(makePlan(5, { maxParallel: 3 }), w.clock.now);
    await w.settle();
    const [one, two, three] = w.publisher.sent;
    one?.ack(); // on the wire
    three?.ack();
    await w.settle();
    w.report(gatewaySn(3), 'ok'); // and done: a slot frees
    await w.settle();
    // GW4 was decided after GW3 ended but its publish never got a PUBACK; GW2 the same.
    expect(w.sentGateways()).toEqual([1, 2, 3, 4].map(gatewaySn));

    const after = reload(w, { keepTasks });
    await after.settle();
    // Only the unacknowledged attempts go out again, as the very same messages; GW1 is not re-sent,
    // GW5 waits for a free slot (3 active: GW1, GW2, GW4).
    const resent = after.publisher.sent.map((s) => s.message);
    expect(resent).toEqual([two?.message, w.publisher.sent[3]?.message]);
    const campaign = after.campaigns.getState().campaigns.find((c) => c.id === id);
    expect(campaign?.gateways.map((g) => g.attempts.length)).toEqual([1, 1, 1, 1, 0]);
    // The lost task history is rebuilt from the campaign record: GW1 still correlates its replies.
    expect(after.tasks.getState().table.byBid.get(one?.message.bid ?? '')?.command).toBe('published');

    after.report(gatewaySn(1), 'ok');
    await after.settle();
    expect(after.sentGateways()).toEqual([2, 4, 5].map(gatewaySn));
    await after.advance(5_000);
    expect(after.publisher.sent).toHaveLength(3);
  });

  it('a task re-created for an attempt published long ago waits for its reply from now: no "no reply" at once', async () => {
    const w = world();
    const id = w.campaigns.getState().campaignStarted(makePlan(1), w.clock.now);
    await w.settle();
    const bid = w.publisher.sent[0]?.message.bid ?? '';
    // The reply went to the console before (another driver, or this one before its history was lost).
    w.clock.now += w.tasks.getState().timings.replyTimeoutMs * 2;
    const after = reload(w, { keepTasks: false });
    await after.settle();
    expect(after.tasks.getState().table.byBid.get(bid)?.command).toBe('published');
    expect(after.campaigns.getState().campaigns.find((c) => c.id === id)?.gateways[0]?.attempts[0]?.outcome).toBeNull();
    after.report(gatewaySn(1), 'ok');
    await after.settle();
    expect(after.campaigns.getState().campaigns.find((c) => c.id === id)?.state).toBe('finished');
    expect(after.publisher.sent).toHaveLength(0);
  });

  it('a task re-created for an attempt the dock accepted stays accepted: never "no reply", its outcome still counts', async () => {
    const w = world();
    const id = w.campaigns.getState().campaignStarted(makePlan(2, { maxParallel: 1 }), w.clock.now);
    await w.settle();
    const bid = w.publisher.sent[0]?.message.bid ?? '';
    w.accept(gatewaySn(1));
    await w.settle();
    const attemptOf = (x: World, i: number) => x.campaigns.getState().campaigns.find((c) => c.id === id)?.gateways[i]?.attempts[0];
    expect(attemptOf(w, 0)?.lastState).toBe('accepted');
    // Another driver takes over (or this console lost its task history): only the campaign's record is left.
    const after = reload(w, { keepTasks: false });
    await after.settle();
    expect(after.tasks.getState().table.byBid.get(bid)).toMatchObject({ command: 'accepted', resultCode: 0 });
    await after.advance(after.tasks.getState().timings.replyTimeoutMs * 2);
    expect(after.tasks.getState().table.byBid.get(bid)?.command).toBe('accepted');
    expect(attemptOf(after, 0)).toMatchObject({ outcome: null, lastState: 'accepted' });
    expect(after.publisher.sent).toHaveLength(0); // one at a time: the accepted upgrade still holds the slot
    after.report(gatewaySn(1), 'ok');
    await after.settle();
    expect(attemptOf(after, 0)?.outcome).toBe('succeeded');
    expect(after.sentGateways()).toEqual([gatewaySn(2)]);
  });

  it('does not resume a paused campaign on its own after a reload', async () => {
    const w = world();
    const id = w.campaigns.getState().campaignStarted(makePlan(4, { maxParallel: 1, pauseAfterFailures: { count: 1 } }), w.clock.now);
    await w.settle();
    w.report(gatewaySn(1), 'failed');
    await w.settle();
    const after = reload(w, { keepTasks: true });
    await after.advance(5_000);
    expect(after.publisher.sent).toHaveLength(0);
    expect(after.campaigns.getState().campaigns.find((c) => c.id === id)?.pausedReason).toEqual({
      kind: 'failures',
      failures: 1,
      limit: 1,
    });
  });
});
