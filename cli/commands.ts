/**
 * drive, start and list: each connects, does its work on a Runner and resolves with the exit code
 * and, on failure, the reason. Signals end a run through `stopSignal` (campaign.ts wires SIGINT and
 * SIGTERM to it), so a test drives the very same code.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Campaign } from '../src/campaigns/campaign-types.ts';
import { EXIT, type BrokerArgs, type Command } from './args.ts';
import { openNodeSession, defaultRunnerClientId, waitConnected, ConnectFailedError, type NodeSession } from './node-session.ts';
import { formatProblems, readPlan } from './plan-file.ts';
import { resolvePlan, unseenGateways } from './plan-resolve.ts';
import { campaignLine, plainLine, type ProgressView } from './progress-view.ts';
import { startRunner, type LinkDeps, type Runner, type RunnerLink } from './runner.ts';
import type { SessionOptions } from '../src/broker/session-types.ts';

export interface Outcome {
  code: number;
  /** Why it failed (printed on stderr), or what it did. */
  message: string | null;
}

export interface CommandEnv {
  view: ProgressView;
  /** Lines that are the command's output (list), not progress: stdout. */
  print(text: string): void;
  startLink(deps: LinkDeps): RunnerLink;
  /** Session options the link needs (the namespace subscription, the presence will). */
  sessionExtra(broker: BrokerArgs, clientId: string, driving: boolean): Partial<SessionOptions>;
  /** Resolves with the signal's exit code when the process is asked to stop. */
  stopSignal: Promise<number>;
  connectTimeoutMs?: number;
  now?: () => number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function password(broker: BrokerArgs): Promise<string | null> {
  if (broker.passwordFile === null) return broker.password;
  const text = await readFile(broker.passwordFile, 'utf8');
  return text.split(/\r?\n/)[0] ?? '';
}

interface Connected {
  node: NodeSession;
  runner: Runner;
  clientId: string;
  label: string;
  namespace: string;
}

async function connect(broker: BrokerArgs, env: CommandEnv, canDrive: (id?: string) => boolean, readOnly: boolean): Promise<Connected> {
  const clientId = broker.clientId ?? defaultRunnerClientId();
  const label = broker.label ?? clientId;
  const node = openNodeSession({
    url: broker.url,
    username: broker.username,
    password: await password(broker),
    clientId,
    readOnly,
    protocolVersion: broker.protocolVersion,
    extra: env.sessionExtra(broker, clientId, !readOnly),
  });
  const runner = startRunner({
    session: node.session,
    connection: node.connection,
    diagnostics: node.diagnostics,
    namespace: broker.namespace,
    clientId,
    label,
    canDrive,
    startLink: env.startLink,
    log: (line) => env.view.log(line),
    ...(env.now === undefined ? {} : { now: env.now }),
  });
  try {
    await waitConnected(node.connection, env.connectTimeoutMs ?? 15_000);
  } catch (error) {
    await runner.stop();
    throw error;
  }
  const { url, protocolVersion } = node.connection.getState();
  const mqtt = protocolVersion === 4 ? 'MQTT 3.1.1' : 'MQTT 5';
  env.view.log(`connected to ${url ?? broker.url} as ${clientId} (${mqtt}${readOnly ? ', read-only' : ''})`);
  return { node, runner, clientId, label, namespace: broker.namespace };
}

function failure(error: unknown): Outcome {
  if (error instanceof ConnectFailedError) return { code: EXIT.broker, message: error.message };
  return { code: EXIT.failed, message: error instanceof Error ? error.message : String(error) };
}

function findCampaign(runner: Runner, id: string): Campaign | undefined {
  return runner.campaigns.getState().campaigns.find((c) => c.id === id);
}

/**
 * Shows progress until the campaign ends (exit 0 finished, 5 aborted), or a signal comes. Paused is
 * not an end: any operator console may resume it.
 */
async function followCampaign(c: Connected, id: string, env: CommandEnv, waitSeconds: number): Promise<Outcome> {
  const now = env.now ?? Date.now;
  const deadline = now() + waitSeconds * 1000;
  let signal: number | null = null;
  void env.stopSignal.then((code) => (signal = code));
  let lastState: string | null = null;
  let lastDriver: string | null = null;
  for (;;) {
    if (signal !== null) return { code: signal, message: null };
    const campaign = findCampaign(c.runner, id);
    if (campaign === undefined) {
      if (now() > deadline)
        return {
          code: EXIT.notFound,
          message: `campaign ${id} not found on the broker (namespace ${c.namespace}) within ${waitSeconds} s`,
        };
    } else {
      const { table, timings } = c.runner.tasks.getState();
      env.view.show(campaignLine(campaign, table, now(), timings));
      const driver = c.runner.link.drivenBy(id);
      const driverText = driver === null ? 'nobody' : driver.clientId === c.clientId ? 'this runner' : driver.label;
      if (driverText !== lastDriver) env.view.log(`campaign ${id} driven by ${driverText}`);
      lastDriver = driverText;
      if (campaign.state !== lastState) env.view.log(`campaign ${id} is ${campaign.state}`);
      lastState = campaign.state;
      if (campaign.state === 'finished') return { code: EXIT.ok, message: plainLine(campaignLine(campaign, table, now(), timings)) };
      if (campaign.state === 'aborted') return { code: EXIT.aborted, message: `campaign ${id} was aborted` };
    }
    await Promise.race([sleep(250), env.stopSignal]);
  }
}

async function driveAll(c: Connected, env: CommandEnv): Promise<Outcome> {
  const now = env.now ?? Date.now;
  for (;;) {
    const { table, timings } = c.runner.tasks.getState();
    for (const campaign of c.runner.campaigns.getState().campaigns) env.view.show(campaignLine(campaign, table, now(), timings));
    const code = await Promise.race([sleep(500).then(() => null), env.stopSignal]);
    if (code !== null) return { code, message: null };
  }
}

async function withRunner(c: Connected, work: () => Promise<Outcome>): Promise<Outcome> {
  try {
    return await work();
  } finally {
    await c.runner.stop();
  }
}

async function drive(command: Extract<Command, { kind: 'drive' }>, env: CommandEnv): Promise<Outcome> {
  const only = command.campaign;
  let c: Connected;
  try {
    c = await connect(command.broker, env, (id) => only === null || id === undefined || id === only, false);
  } catch (error) {
    return failure(error);
  }
  return withRunner(c, () => (only === null ? driveAll(c, env) : followCampaign(c, only, env, command.waitSeconds)));
}

async function start(command: Extract<Command, { kind: 'start' }>, env: CommandEnv): Promise<Outcome> {
  const path = resolve(command.planPath);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return {
      code: EXIT.usage,
      message: `cannot read the plan ${command.planPath}: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  const read = readPlan(text, pathToFileURL(path).href);
  if (!read.ok) return { code: EXIT.usage, message: formatProblems(command.planPath, read.problems) };

  let startedId: string | null = null;
  let c: Connected;
  try {
    // A driver (its presence is published), but of no campaign but the one it starts.
    c = await connect(command.broker, env, (id) => id === undefined || (startedId !== null && id === startedId), false);
  } catch (error) {
    return failure(error);
  }
  return withRunner(c, async () => {
    const now = env.now ?? Date.now;
    env.view.log(`listening up to ${command.discoverSeconds} s for the plan's ${read.plan.gateways.length} gateways to report`);
    const until = now() + command.discoverSeconds * 1000;
    let signal: number | null = null;
    void env.stopSignal.then((code) => (signal = code));
    while (now() < until && signal === null) {
      const fleet = c.runner.fleet.getState();
      const versionsKnown = read.plan.gateways.every(
        (sn) => fleet.gateways.get(sn)?.devices.every((d) => d.firmwareVersion !== null) === true,
      );
      if (unseenGateways(read.plan, fleet).length === 0 && versionsKnown) break;
      await Promise.race([sleep(200), env.stopSignal]);
    }
    if (signal !== null) return { code: signal, message: null };
    const resolution = resolvePlan(read.plan, read.plan.firmware, {
      fleet: c.runner.fleet.getState(),
      tasks: c.runner.tasks.getState().table,
      now: now(),
      discoverSeconds: command.discoverSeconds,
      skipIneligible: command.skipIneligible,
    });
    if (!resolution.ok) return { code: EXIT.usage, message: formatProblems(command.planPath, resolution.problems) };
    for (const s of resolution.resolved.skipped) env.view.log(`left out ${s.sn}: ${s.reasons.join('; ')}`);
    const { plan } = resolution.resolved;
    const store = c.runner.campaigns.getState();
    // The plan file's name is the operator's; without one the campaign gets an automatic name.
    startedId = store.campaignStarted({ ...plan, name: read.plan.name }, now());
    env.view.log(`started campaign ${startedId}: ${plan.items.length} gateway${plan.items.length === 1 ? '' : 's'}`);
    env.print(startedId);
    if (!command.detach) return followCampaign(c, startedId, env, 30);
    // Detached: once its records are back from the broker, leave (the lease is released on stop).
    const id = startedId;
    const writtenBy = now() + 15_000;
    while (!c.runner.link.onBroker(id)) {
      if (now() > writtenBy)
        return {
          code: EXIT.failed,
          message: `campaign ${id} was not written to the broker within 15 s (check the ACL: the runner needs write access to ${c.namespace}/#)`,
        };
      if ((await Promise.race([sleep(100).then(() => null), env.stopSignal])) !== null) break;
    }
    return { code: EXIT.ok, message: null };
  });
}

function listLine(campaign: Campaign, driver: { label: string } | null): string {
  const ended = campaign.gateways.filter((g) => g.skippedReason !== null || g.attempts.at(-1)?.outcome != null).length;
  return [campaign.id, campaign.state, `${ended}/${campaign.gateways.length}`, driver?.label ?? '-', campaign.name].join('\t');
}

async function list(command: Extract<Command, { kind: 'list' }>, env: CommandEnv): Promise<Outcome> {
  let c: Connected;
  try {
    c = await connect(command.broker, env, () => false, true);
  } catch (error) {
    return failure(error);
  }
  return withRunner(c, async () => {
    const code = await Promise.race([sleep(command.waitSeconds * 1000).then(() => null), env.stopSignal]);
    if (code !== null) return { code, message: null };
    const campaigns = c.runner.campaigns.getState().campaigns;
    if (command.json) {
      env.print(
        JSON.stringify(
          campaigns.map((cp) => ({
            id: cp.id,
            name: cp.name,
            state: cp.state,
            gateways: cp.gateways.length,
            drivenBy: c.runner.link.drivenBy(cp.id)?.label ?? null,
            createdAt: new Date(cp.createdAt).toISOString(),
          })),
          null,
          2,
        ),
      );
    } else {
      env.print(['ID', 'STATE', 'ENDED', 'DRIVEN BY', 'NAME'].join('\t'));
      for (const cp of campaigns) env.print(listLine(cp, c.runner.link.drivenBy(cp.id)));
    }
    return { code: EXIT.ok, message: null };
  });
}

export function runCommand(command: Command, env: CommandEnv): Promise<Outcome> {
  switch (command.kind) {
    case 'help':
      env.print(command.text);
      return Promise.resolve({ code: EXIT.ok, message: null });
    case 'drive':
      return drive(command, env);
    case 'start':
      return start(command, env);
    case 'list':
      return list(command, env);
  }
}
