import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startMosquitto, type RunningMosquitto } from '../src/broker/mosquitto-test-kit.ts';
import { parseCommand } from './args.ts';
import { runCommand, type CommandEnv } from './commands.ts';
import type { LinkDeps, RunnerLink } from './runner.ts';

// The commands' shell with a stand-in for the campaigns' broker link: connecting, giving up,
// stopping on a signal with the link stopped and the session closed, refusing a bad plan early.

let broker: RunningMosquitto;
let dir: string;
beforeAll(async () => {
  broker = await startMosquitto();
  dir = await mkdtemp(join(tmpdir(), 'ota-runner-commands-'));
}, 20_000);
afterAll(async () => {
  await broker?.stop();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

function harness(signalAfterMs: number | null, code = 130) {
  const lines: string[] = [];
  const printed: string[] = [];
  const links: { deps: LinkDeps; link: RunnerLink & { stop: ReturnType<typeof vi.fn> } }[] = [];
  const env: CommandEnv = {
    view: { log: (t) => lines.push(t), show: () => undefined, stop: () => undefined },
    print: (t) => printed.push(t),
    startLink: (deps) => {
      const link = {
        batchReceived: () => undefined,
        connected: () => undefined,
        disconnected: () => undefined,
        drivenBy: () => null,
        onBroker: () => false,
        stop: vi.fn(async () => undefined),
      };
      links.push({ deps, link });
      return link;
    },
    sessionExtra: (b) => ({ campaignNamespace: b.namespace }),
    stopSignal:
      signalAfterMs === null ? new Promise<number>(() => undefined) : new Promise<number>((r) => setTimeout(() => r(code), signalAfterMs)),
    connectTimeoutMs: 2_000,
  };
  return { env, lines, printed, links };
}

describe('runner commands', () => {
  it('stops on SIGINT with 130: link stopped (lease released), session closed', async () => {
    const h = harness(800, 130);
    const outcome = await runCommand(
      parseCommand(['drive', '--broker', broker.tcpUrl, '--campaign', 'c-1', '--wait', '60', '--label', 'ops']),
      h.env,
    );
    expect(outcome).toEqual({ code: 130, message: null });
    expect(h.links).toHaveLength(1);
    expect(h.links[0]?.link.stop).toHaveBeenCalledTimes(1);
    expect(h.links[0]?.deps).toMatchObject({ namespace: 'ota-console/v1', label: 'ops' });
    expect(h.lines[0]).toMatch(/^connected to mqtt:\/\/127\.0\.0\.1:\d+ as ota-runner-/);
  });

  it('stops drive --all on SIGTERM with 143', async () => {
    const h = harness(500, 143);
    expect(await runCommand(parseCommand(['drive', '--broker', broker.tcpUrl, '--all']), h.env)).toEqual({ code: 143, message: null });
    expect(h.links[0]?.link.stop).toHaveBeenCalledTimes(1);
  });

  it('drives only the campaign it was given', async () => {
    const h = harness(300);
    await runCommand(parseCommand(['drive', '--broker', broker.tcpUrl, '--campaign', 'c-1']), h.env);
    const canDrive = h.links[0]?.deps.canDrive;
    expect([canDrive?.('c-1'), canDrive?.('c-2')]).toEqual([true, false]);
    const all = harness(300);
    await runCommand(parseCommand(['drive', '--broker', broker.tcpUrl, '--all']), all.env);
    expect(all.links[0]?.deps.canDrive('c-2')).toBe(true);
  });

  it('exits 3 with the reason when the broker cannot be reached', async () => {
    const h = harness(null);
    const outcome = await runCommand(parseCommand(['drive', '--broker', 'mqtt://127.0.0.1:9', '--all']), h.env);
    expect(outcome).toEqual({ code: 3, message: 'could not connect to mqtt://127.0.0.1:9 within 2 s: Connection refused' });
    expect(h.links[0]?.link.stop).toHaveBeenCalledTimes(1);
  });

  it('exits 2 on a bad plan before connecting, naming the field', async () => {
    const plan = join(dir, 'bad.json');
    await writeFile(plan, JSON.stringify({ firmware: [], gateways: ['A/B'] }));
    const h = harness(null);
    const outcome = await runCommand(parseCommand(['start', '--broker', broker.tcpUrl, '--plan', plan]), h.env);
    expect(outcome.code).toBe(2);
    expect(outcome.message).toBe(
      `${plan}: firmware: must list at least one firmware\n${plan}: gateways[0]: is not a valid SN: SN contains '/' (it has a special meaning in MQTT topics); only letters, digits, '-' and '_' are allowed`,
    );
    expect(h.links).toHaveLength(0);
  });

  it('exits 2 when the plan file cannot be read', async () => {
    const h = harness(null);
    const outcome = await runCommand(parseCommand(['start', '--broker', broker.tcpUrl, '--plan', join(dir, 'missing.json')]), h.env);
    expect(outcome.code).toBe(2);
    expect(outcome.message).toMatch(/^cannot read the plan .*missing\.json: ENOENT/);
  });

  it('prints the help', async () => {
    const h = harness(null);
    expect(await runCommand(parseCommand(['--help']), h.env)).toEqual({ code: 0, message: null });
    expect(h.printed[0]).toMatch(/^Usage: npm run campaign/);
  });
});
