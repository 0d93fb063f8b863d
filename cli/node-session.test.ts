import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMosquitto, type RunningMosquitto } from '../src/broker/mosquitto-test-kit.ts';
import { ConnectFailedError, defaultRunnerClientId, openNodeSession, waitConnected } from './node-session.ts';

let broker: RunningMosquitto;
beforeAll(async () => {
  broker = await startMosquitto();
}, 20_000);
afterAll(async () => {
  await broker?.stop();
});

describe('the Node session', () => {
  it('connects over mqtt:// with the app session and subscriptions', async () => {
    const { session, connection } = openNodeSession({
      url: broker.tcpUrl,
      username: null,
      password: null,
      clientId: defaultRunnerClientId(),
    });
    try {
      await waitConnected(connection, 10_000);
      expect(connection.getState()).toMatchObject({ phase: 'connected', url: `${broker.tcpUrl}`, protocolVersion: 5 });
    } finally {
      await session.close();
    }
  });

  it('gives up after the timeout, saying what went wrong, when nothing answers', async () => {
    const { session, connection } = openNodeSession({
      url: 'mqtt://127.0.0.1:9',
      username: null,
      password: null,
      clientId: 'ota-runner-test',
    });
    try {
      const failed = waitConnected(connection, 1_500);
      await expect(failed).rejects.toBeInstanceOf(ConnectFailedError);
      await expect(failed).rejects.toThrow('could not connect to mqtt://127.0.0.1:9 within 2 s: Connection refused');
    } finally {
      await session.close();
    }
  });

  it('makes client ids a topic level can hold', () => {
    expect(defaultRunnerClientId()).toMatch(/^ota-runner-[A-Za-z0-9_.-]+-[0-9a-f]{8}$/);
  });
});
