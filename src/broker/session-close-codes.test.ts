/**
 * A broker that speaks only MQTT 3.1.1, hangs up on MQTT 5 CONNECTs and refuses a bad login by
 * closing the WebSocket with 1002 "unauthenticated" (RabbitMQ 3.10's Web-MQTT plugin), on a real
 * loopback WebSocket server: the session says "not authorized", retries slowly, and connects with
 * 3.1.1 once the password is right.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startAedesWsBroker, type AedesWsBroker } from './aedes-broker-test-kit.ts';
import { connectionTrouble } from './connection-trouble.ts';
import { nodeWebSocket, openSession, SESSION_VIAS, type SessionFixture, type SessionVia } from './session-test-kit.ts';

const WAIT = { timeout: 5_000, interval: 20 };
const PASSWORD = 'right-horse';
const AUTH_RETRY_MS = 1_500;

const brokers: AedesWsBroker[] = [];
const fixtures: SessionFixture[] = [];

afterEach(async () => {
  await Promise.all(fixtures.splice(0).map((f) => f.session.close()));
  await Promise.all(brokers.splice(0).map((b) => b.close()));
});

/** Like RabbitMQ 3.10 with Web-MQTT: 3.1.1 only, and a bad login ends in a WebSocket close frame. */
async function rabbitLikeBroker(): Promise<AedesWsBroker> {
  const b = await startAedesWsBroker({
    closeOnMqtt5Connect: true,
    closeOnFailedLogin: { code: 1002, reason: 'unauthenticated' },
    hooks: { authenticate: (_client, _username, password, done) => done(null, password?.toString() === PASSWORD) },
  });
  brokers.push(b);
  return b;
}

describe.each(SESSION_VIAS)(
  'broker session (%s) against a broker that refuses logins with a close frame',
  { timeout: 20_000 },
  (via: SessionVia) => {
    const open = (overrides: Parameters<typeof openSession>[0]) => {
      const f = openSession(
        {
          createWebSocket: nodeWebSocket,
          reconnect: { minDelayMs: 50, maxDelayMs: 300, authRetryDelayMs: AUTH_RETRY_MS },
          ...overrides,
        },
        via,
      );
      fixtures.push(f);
      return f;
    };

    it('says not authorized with the close code and reason, keeps to 3.1.1, and retries slowly', async () => {
      const b = await rabbitLikeBroker();
      const f = open({ url: b.url, username: 'ops', password: 'wrong' });
      await vi.waitFor(() => expect(f.connection.getState().phase).toBe('disconnected'), WAIT);
      const state = f.connection.getState();
      expect(state.lastErrorInfo).toEqual({ kind: 'socketClosed', code: 1002, reason: 'unauthenticated' });
      expect(state.lastError).toBe('The broker closed the WebSocket (code 1002: unauthenticated)');
      expect(connectionTrouble(state.lastErrorInfo)).toBe('notAuthorized');
      expect(b.connectVersions).toEqual([5, 4]);

      // Slow: nothing for most of the auth retry period, then one more try, still with 3.1.1.
      await new Promise((resolve) => setTimeout(resolve, AUTH_RETRY_MS / 2));
      expect(b.connectVersions).toEqual([5, 4]);
      await vi.waitFor(() => expect(b.connectVersions.length).toBeGreaterThan(2), WAIT);
      expect(b.connectVersions.slice(2)).toEqual([4]);
      expect(f.connection.getState().phase).toBe('disconnected');
    });

    it('connects with 3.1.1 once the password is right, and a session told 3.1.1 sends no MQTT 5 CONNECT', async () => {
      const b = await rabbitLikeBroker();
      const accepted: number[] = [];
      const first = open({ url: b.url, username: 'ops', password: PASSWORD, protocolAccepted: (v) => accepted.push(v) });
      await vi.waitFor(() => expect(first.connection.getState().phase).toBe('connected'), WAIT);
      expect(first.connection.getState()).toMatchObject({ protocolVersion: 4, lastError: null });
      expect(b.connectVersions).toEqual([5, 4]);
      // The worker session tells the page which version worked (the page remembers it per URL).
      if (via === 'worker') expect(accepted).toEqual([4]);
      await first.session.close();

      const again = open({ url: b.url, username: 'ops', password: PASSWORD, protocolVersion: 4 });
      await vi.waitFor(() => expect(again.connection.getState().phase).toBe('connected'), WAIT);
      expect(b.connectVersions).toEqual([5, 4, 4]);
    });

    it('with a fixed MQTT 5 keeps to 5 and says the broker closed the connection before CONNACK', async () => {
      const b = await rabbitLikeBroker();
      const f = open({ url: b.url, protocolVersion: 5, protocolFallback: false });
      await vi.waitFor(() => expect(b.connectVersions.length).toBeGreaterThanOrEqual(3), WAIT);
      expect(new Set(b.connectVersions)).toEqual(new Set([5]));
      expect(f.connection.getState().phase).not.toBe('connected');
      expect(connectionTrouble(f.connection.getState().lastErrorInfo)).toBe('refused');
    });
  },
);
