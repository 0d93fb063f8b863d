import { describe, expect, it, vi } from 'vitest';
import {
  createSessionController,
  type ClientIdentity,
  type SessionCreateOptions,
  type SessionRole,
  type SessionTarget,
} from './session-controller';

type Batch = readonly string[];

class FakeSession {
  listeners = new Set<(batch: Batch) => void>();
  closed = false;
  constructor(readonly options: SessionCreateOptions) {}
  onBatch(listener: (batch: Batch) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  pendingOnClose: Batch | null = null;
  close() {
    // Like the real session: what is still in the inbox is flushed synchronously on close.
    if (this.pendingOnClose) this.emit(this.pendingOnClose);
    this.closed = true;
    return Promise.resolve();
  }
  emit(batch: Batch) {
    for (const l of this.listeners) l(batch);
  }
}

const TARGET: SessionTarget = {
  url: 'ws://localhost:1/mqtt',
  username: 'ops',
  password: 'pw',
  protocolVersion: 'auto',
  readOnly: false,
  respondToDevices: false,
  role: 'operator',
  campaignNamespace: 'ota-console/v1',
  consoleLabel: '',
  campaignRetentionDays: 90,
};

function setup(consumers: ((batch: Batch) => void)[] = []) {
  const sessions: FakeSession[] = [];
  const active: (FakeSession | null)[] = [];
  const errors: string[] = [];
  const log: string[] = [];
  const acquireClientId = vi.fn(async (role: SessionRole): Promise<ClientIdentity> => ({ clientId: `ota-${role}-1`, persistent: true }));
  const controller = createSessionController<FakeSession, Batch>({
    acquireClientId,
    createSession(options) {
      const openBefore = sessions.filter((s) => !s.closed).length;
      log.push(`create ${options.url} (open before: ${openBefore})`);
      const session = new FakeSession(options);
      sessions.push(session);
      return session;
    },
    sessionChanged: (s) => active.push(s),
    consumers,
    reportError: (error, during) => errors.push(`${during}: ${String(error)}`),
  });
  return { controller, sessions, active, errors, log, acquireClientId };
}

describe('createSessionController', () => {
  it('creates one session with the client id of the role and publishes it as active', async () => {
    const { controller, sessions, active, acquireClientId } = setup();
    await controller.configure(TARGET);
    expect(acquireClientId).toHaveBeenCalledWith('operator');
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.options).toEqual({
      url: 'ws://localhost:1/mqtt',
      username: 'ops',
      password: 'pw',
      protocolVersion: 'auto',
      readOnly: false,
      respondToDevices: false,
      campaignNamespace: 'ota-console/v1',
      consoleLabel: '',
      campaignRetentionDays: 90,
      clientId: 'ota-operator-1',
      persistent: true,
    });
    expect(active).toEqual([sessions[0]]);
  });

  it('does nothing when the same target is configured again', async () => {
    const { controller, sessions } = setup();
    await controller.configure(TARGET);
    await controller.configure({ ...TARGET });
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.closed).toBe(false);
  });

  it('closes the old session before connecting the new one when the target changes', async () => {
    const { controller, sessions, active, log } = setup();
    await controller.configure(TARGET);
    await controller.configure({ ...TARGET, url: 'ws://other:2/mqtt' });
    expect(sessions).toHaveLength(2);
    expect(sessions[0]!.closed).toBe(true);
    expect(log).toEqual(['create ws://localhost:1/mqtt (open before: 0)', 'create ws://other:2/mqtt (open before: 0)']);
    expect(active).toEqual([sessions[0], null, sessions[1]]);
  });

  it('collapses rapid changes to the newest target', async () => {
    const { controller, sessions } = setup();
    void controller.configure(TARGET);
    void controller.configure({ ...TARGET, password: 'typo' });
    await controller.configure({ ...TARGET, password: 'right' });
    expect(sessions.map((s) => s.options.password)).toEqual(['right']);
  });

  it('uses the kiosk client id for the kiosk role and reuses an acquired id', async () => {
    const { controller, sessions, acquireClientId } = setup();
    await controller.configure({ ...TARGET, role: 'kiosk', readOnly: true });
    await controller.configure({ ...TARGET, role: 'kiosk', readOnly: true, url: '/mqtt' });
    expect(acquireClientId).toHaveBeenCalledTimes(1);
    expect(sessions.map((s) => s.options.clientId)).toEqual(['ota-kiosk-1', 'ota-kiosk-1']);
    expect(sessions.every((s) => s.options.readOnly)).toBe(true);
  });

  it('gives the client id back when no session is wanted any more, and acquires it again later', async () => {
    const { controller, acquireClientId } = setup();
    const release = vi.fn();
    acquireClientId.mockResolvedValueOnce({ clientId: 'ota-operator-1', persistent: true, release });
    await controller.configure(TARGET);
    await controller.configure({ ...TARGET, url: '/mqtt' });
    expect(release).not.toHaveBeenCalled();
    await controller.configure(null);
    await Promise.resolve();
    expect(release).toHaveBeenCalledTimes(1);
    await controller.configure(TARGET);
    expect(acquireClientId).toHaveBeenCalledTimes(2);
  });

  it('fans every batch out to all consumers in order, even when one throws', async () => {
    const seen: string[] = [];
    const { controller, sessions, errors } = setup([
      (b) => seen.push(`first ${b.join(',')}`),
      () => {
        throw new Error('boom');
      },
      (b) => seen.push(`third ${b.join(',')}`),
    ]);
    await controller.configure(TARGET);
    sessions[0]!.emit(['a', 'b']);
    expect(seen).toEqual(['first a,b', 'third a,b']);
    expect(errors).toEqual(['consumer: Error: boom']);
  });

  it('stops delivering batches of a closed session', async () => {
    const seen: Batch[] = [];
    const { controller, sessions } = setup([(b) => seen.push(b)]);
    await controller.configure(TARGET);
    await controller.configure(null);
    sessions[0]!.emit(['late']);
    expect(seen).toEqual([]);
    expect(sessions[0]!.closed).toBe(true);
  });

  it('delivers the batch a session flushes while closing', async () => {
    const seen: Batch[] = [];
    const { controller, sessions } = setup([(b) => seen.push(b)]);
    await controller.configure(TARGET);
    sessions[0]!.pendingOnClose = ['last'];
    await controller.configure({ ...TARGET, url: '/mqtt' });
    expect(seen).toEqual([['last']]);
  });

  it('restart reconnects with the same target', async () => {
    const { controller, sessions } = setup();
    await controller.restart();
    expect(sessions).toHaveLength(0);
    await controller.configure(TARGET);
    await controller.restart();
    expect(sessions).toHaveLength(2);
    expect(sessions[0]!.closed).toBe(true);
    expect(sessions[1]!.options).toEqual(sessions[0]!.options);
    await controller.configure(TARGET);
    expect(sessions).toHaveLength(2);
  });

  it('reports a failed client id acquisition and retries it on restart', async () => {
    const { controller, sessions, errors, acquireClientId } = setup();
    acquireClientId.mockRejectedValueOnce(new Error('locks unavailable'));
    await controller.configure(TARGET);
    expect(sessions).toHaveLength(0);
    expect(errors).toEqual(['start: Error: locks unavailable']);
    await controller.restart();
    expect(sessions).toHaveLength(1);
  });
});
