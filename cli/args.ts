/**
 * The runner's command line: `drive`, `start` and `list`, parsed with node:util's parseArgs (strict,
 * so a mistyped option is an error instead of being ignored). Pure: the password file is read by
 * the caller, so parsing is testable without files.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { PROTOCOL_VERSION_SETTINGS, type ProtocolVersionSetting } from '../src/broker/protocol-version-memory.ts';
import { DEFAULT_CAMPAIGN_NAMESPACE, namespaceProblem } from '../src/protocol/campaign-topics.ts';

export const DEFAULT_NAMESPACE = DEFAULT_CAMPAIGN_NAMESPACE;
export const DEFAULT_WAIT_SECONDS = 30;
export const DEFAULT_DISCOVER_SECONDS = 10;

export interface BrokerArgs {
  url: string;
  username: string | null;
  password: string | null;
  passwordFile: string | null;
  namespace: string;
  /** Shown by every console as "Driven by {label}"; default: the client id. */
  label: string | null;
  clientId: string | null;
  /** auto: MQTT 5, then 3.1.1 when the broker hangs up on the CONNECT or refuses 5; "5"/"3.1.1": only that one. */
  protocolVersion: ProtocolVersionSetting;
}

export type Command =
  | { kind: 'help'; text: string }
  | { kind: 'drive'; broker: BrokerArgs; campaign: string | null; all: boolean; waitSeconds: number }
  | { kind: 'start'; broker: BrokerArgs; planPath: string; discoverSeconds: number; skipIneligible: boolean; detach: boolean }
  | { kind: 'list'; broker: BrokerArgs; waitSeconds: number; json: boolean };

/** A usage mistake: the message says what to change; the runner exits with EXIT.usage. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const HELP = `Usage: npm run campaign -- <command> [options]

Commands:
  drive   Drive campaigns held on the broker (takes over one whose driver is gone).
          With --campaign, exits once that campaign has ended.
  start   Start a campaign from a plan file, then drive it to its end (--detach: start only).
  list    Print the campaigns on the broker and their state.

Broker options (every command):
  --broker URL           mqtt://, mqtts://, ws:// or wss:// URL of the broker (required)
  --username U           broker user name
  --password P           broker password (visible in the process list: prefer --password-file)
  --password-file F      read the password from file F (first line)
  --namespace NS         campaign topic namespace (default ${DEFAULT_NAMESPACE})
  --label L              who drives, as consoles show it ("Driven by L"; default: the client id)
  --client-id ID         MQTT client id (default: ota-runner-<host>-<random>)
  --protocol-version V   MQTT version: auto (default: 5, then 3.1.1 if the broker hangs up on 5), 5 or 3.1.1

drive:
  --campaign ID          drive this campaign and exit when it has ended
  --all                  drive every campaign, until stopped (SIGINT/SIGTERM)
  --wait S               give up when --campaign is not on the broker within S seconds (default ${DEFAULT_WAIT_SECONDS})

start:
  --plan FILE            the plan (JSON; docs/operations.md, "Headless campaign runner")
  --discover S           listen this long for the plan's gateways to report (default ${DEFAULT_DISCOVER_SECONDS})
  --skip-ineligible      start without gateways that would be skipped (offline, busy, on target)
  --detach               exit once the campaign is on the broker; a console or runner drives it

list:
  --wait S               how long to collect campaigns (default 2)
  --json                 print JSON instead of a table

Exit codes: 0 done (campaign finished), 1 failure (the reason is printed), 2 usage or plan error,
3 broker refused or not authorized, 4 campaign not found, 5 campaign aborted,
130 stopped by SIGINT, 143 stopped by SIGTERM.`;

const BROKER_OPTIONS = {
  broker: { type: 'string' },
  username: { type: 'string' },
  password: { type: 'string' },
  'password-file': { type: 'string' },
  namespace: { type: 'string' },
  label: { type: 'string' },
  'client-id': { type: 'string' },
  'protocol-version': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const COMMAND_OPTIONS = {
  drive: { campaign: { type: 'string' }, all: { type: 'boolean' }, wait: { type: 'string' } },
  start: { plan: { type: 'string' }, discover: { type: 'string' }, 'skip-ineligible': { type: 'boolean' }, detach: { type: 'boolean' } },
  list: { wait: { type: 'string' }, json: { type: 'boolean' } },
} as const;

type CommandName = keyof typeof COMMAND_OPTIONS;

function isCommand(name: string | undefined): name is CommandName {
  return name !== undefined && Object.hasOwn(COMMAND_OPTIONS, name);
}

function seconds(raw: string | undefined, option: string, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value <= 0)
    throw new UsageError(`--${option} must be a positive number of seconds (got "${raw}")`);
  return value;
}

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

function textOf(values: Values, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

function brokerArgs(values: Values): BrokerArgs {
  const text = (name: string): string | null => textOf(values, name) ?? null;
  const url = text('broker');
  if (url === null) throw new UsageError('--broker is required (e.g. --broker mqtt://localhost:1883)');
  if (!/^(mqtts?|wss?):\/\/[^/]/i.test(url))
    throw new UsageError(`--broker must be an mqtt://, mqtts://, ws:// or wss:// URL (got "${url}")`);
  const password = text('password');
  const passwordFile = text('password-file');
  if (password !== null && passwordFile !== null) throw new UsageError('give --password or --password-file, not both');
  const namespace = text('namespace') ?? DEFAULT_NAMESPACE;
  const problem = namespaceProblem(namespace);
  if (problem !== null) throw new UsageError(`--namespace: ${problem}`);
  return {
    url,
    username: text('username'),
    password,
    passwordFile,
    namespace,
    label: text('label'),
    clientId: text('client-id'),
    protocolVersion: protocolVersionArg(text('protocol-version')),
  };
}

function isProtocolVersionSetting(raw: string): raw is ProtocolVersionSetting {
  return (PROTOCOL_VERSION_SETTINGS as readonly string[]).includes(raw);
}

function protocolVersionArg(raw: string | null): ProtocolVersionSetting {
  if (raw === null) return 'auto';
  if (isProtocolVersionSetting(raw)) return raw;
  throw new UsageError(`--protocol-version must be auto, 5 or 3.1.1 (got "${raw}")`);
}

export function parseCommand(argv: readonly string[]): Command {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') return { kind: 'help', text: HELP };
  if (!isCommand(name)) throw new UsageError(`unknown command "${name}": use drive, start or list (--help shows all)`);
  let values: Values;
  try {
    const options: ParseArgsConfig['options'] = { ...BROKER_OPTIONS, ...COMMAND_OPTIONS[name] };
    ({ values } = parseArgs({ args: [...rest], options, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help === true) return { kind: 'help', text: HELP };
  const broker = brokerArgs(values);
  switch (name) {
    case 'drive': {
      const campaign = textOf(values, 'campaign') ?? null;
      const all = values.all === true;
      if ((campaign === null) === !all) throw new UsageError('drive needs exactly one of --campaign ID or --all');
      if (campaign !== null && campaign.trim() === '') throw new UsageError('--campaign must not be empty');
      return { kind: 'drive', broker, campaign, all, waitSeconds: seconds(textOf(values, 'wait'), 'wait', DEFAULT_WAIT_SECONDS) };
    }
    case 'start': {
      const planPath = textOf(values, 'plan');
      if (planPath === undefined || planPath === '') throw new UsageError('start needs --plan FILE');
      return {
        kind: 'start',
        broker,
        planPath,
        discoverSeconds: seconds(textOf(values, 'discover'), 'discover', DEFAULT_DISCOVER_SECONDS),
        skipIneligible: values['skip-ineligible'] === true,
        detach: values.detach === true,
      };
    }
    case 'list':
      return { kind: 'list', broker, waitSeconds: seconds(textOf(values, 'wait'), 'wait', 2), json: values.json === true };
  }
}

/** What the runner exits with; docs/operations.md lists them too. */
export const EXIT = { ok: 0, failed: 1, usage: 2, broker: 3, notFound: 4, aborted: 5, sigint: 130, sigterm: 143 } as const;
