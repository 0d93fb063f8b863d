/**
 * The runner against a broker like RabbitMQ 3.10's Web-MQTT plugin, on a real loopback WebSocket
 * server: MQTT 3.1.1 only (an MQTT 5 CONNECT is dropped without a CONNACK), and a bad login is
 * refused by closing the WebSocket with 1002 "unauthenticated".
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startAedesWsBroker, type AedesWsBroker } from '../src/broker/aedes-broker-test-kit.ts';
import { parseCommand } from './args.ts';
import { runCommand, type CommandEnv } from './commands.ts';
import { openNodeSession, waitConnected, type NodeSession } from './node-session.ts';

const PASSWORD = 'right-horse';

const brokers: AedesWsBroker[] = [];
const sessions: NodeSession[] = [];

afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.session.close()));
  await Promise.all(brokers.splice(0).map((b) => b.close()));
});

async function rabbitLikeBroker(): Promise<AedesWsBroker> {
  const b = await startAedesWsBroker({
    closeOnMqtt5Connect: true,
    closeOnFailedLogin: { code: 1002, reason: 'unauthenticated' },
    hooks: { authenticate: (_client, _username, password, done) => done(null, password?.toString() === PASSWORD) },
  });
  brokers.push(b);
  return b;
}

function open(url: string, protocolVersion: 'auto' | '5' | '3.1.1'): NodeSession {
  const node = openNodeSession({ url, username: 'ops', password: PASSWORD, clientId: `ota-runner-ws-${process.pid}`, protocolVersion });
  sessions.push(node);
  return node;
}

/** The commands' shell with a stand-in for the campaigns' link; no signal comes. */
function commandEnv(lines: string[]): CommandEnv {
  return {
    view: { log: (t) => lines.push(t), show: () => undefined, stop: () => undefined },
    print: () => undefined,
    startLink: () => ({
      batchReceived: () => undefined,
      connected: () => undefined,
      disconnected: () => undefined,
      drivenBy: () => null,
      onBroker: () => false,
      stop: async () => undefined,
    }),
    sessionExtra: (b) => ({ campaignNamespace: b.namespace }),
    stopSignal: new Promise<number>(() => undefined),
    connectTimeoutMs: 8_000,
  };
}

describe('the runner behind a 3.1.1-only WebSocket broker', { timeout: 20_000 }, () => {
  it('auto steps down from MQTT 5 to 3.1.1 and connects', async () => {
    const b = await rabbitLikeBroker();
    const node = open(b.url, 'auto');
    await waitConnected(node.connection, 8_000);
    expect(node.connection.getState()).toMatchObject({ phase: 'connected', protocolVersion: 4, lastError: null });
    expect(b.connectVersions).toEqual([5, 4]);
  });

  it('--protocol-version 3.1.1 sends no MQTT 5 CONNECT', async () => {
    const b = await rabbitLikeBroker();
    const node = open(b.url, '3.1.1');
    await waitConnected(node.connection, 8_000);
    expect(node.connection.getState().protocolVersion).toBe(4);
    expect(b.connectVersions).toEqual([4]);
  });

  it('exits 3 at once, saying not authorized with the close code and reason, on a close 1002 "unauthenticated"', async () => {
    const b = await rabbitLikeBroker();
    const lines: string[] = [];
    const started = Date.now();
    const outcome = await runCommand(
      parseCommand(['list', '--broker', b.url, '--username', 'ops', '--password', 'wrong', '--wait', '1']),
      commandEnv(lines),
    );
    expect(outcome).toEqual({
      code: 3,
      message: 'not authorized: the broker closed the WebSocket (code 1002: unauthenticated); check --username and --password',
    });
    // Refused, not timed out: the 8 s connect timeout never ran out, and the login was not repeated.
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(b.connectVersions).toEqual([5, 4]);
    expect(lines).toEqual([]);
  });

  it('says which MQTT version it connected with', async () => {
    const b = await rabbitLikeBroker();
    const lines: string[] = [];
    const outcome = await runCommand(
      parseCommand(['list', '--broker', b.url, '--username', 'ops', '--password', PASSWORD, '--wait', '0.3', '--json']),
      commandEnv(lines),
    );
    expect(outcome.code).toBe(0);
    expect(lines[0]).toMatch(/^connected to ws:\/\/127\.0\.0\.1:\d+\S* as ota-runner-\S+ \(MQTT 3\.1\.1, read-only\)$/);
  });
});
