/**
 * `npm run sim -- --broker URL`: the simulated fleet against any MQTT broker (EMQX, mosquitto),
 * for rehearsals and load. Docks behave as in `npm start`.
 */
import { parseArgs } from 'node:util';
import { FLEET_FLAGS, UsageError, fleetHelp, readFleetFlags, stringFlag } from './cli/fleet-flags.ts';
import { httpDownloader, simulatedDownloader } from './fleet/downloader.ts';
import { startFleet } from './fleet/run-fleet.ts';

const HELP = `Usage: npm run sim -- --broker URL [options]

Runs simulated docks as MQTT clients of an existing broker. Each dock publishes update_topo, state
and osd, answers ota_create on thing/product/{sn}/services and reports ota_progress.

Broker:
  --broker URL           mqtt://host:1883, mqtts://host:8883, ws://host:8083/mqtt or wss://... (required)
  --username TEXT        broker username (or $MQTT_USERNAME)
  --password TEXT        broker password (or $MQTT_PASSWORD)
  --status-seconds S     print a status line every S seconds (default 10; 0 = never)

${fleetHelp({ docks: 12, topoSeconds: 60 })}
Examples:
  npm run sim -- --broker mqtt://127.0.0.1:1883 --docks 50
  npm run sim -- --broker mqtt://127.0.0.1:1883 --docks 500 --prefix LOAD --download simulated --quiet
  npm run sim -- --broker ws://127.0.0.1:8083/mqtt --username demo --password secret --fail-download 0.1
`;

const log = (line: string) => process.stdout.write(`${line}\n`);

function main(): void {
  const { values } = parseArgs({
    options: {
      ...FLEET_FLAGS,
      broker: { type: 'string' },
      username: { type: 'string' },
      password: { type: 'string' },
      'status-seconds': { type: 'string' },
    },
    allowPositionals: false,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const broker = stringFlag(values, 'broker');
  if (!broker) throw new UsageError('--broker is required, e.g. --broker mqtt://127.0.0.1:1883');
  let brokerUrl: URL;
  try {
    brokerUrl = new URL(broker);
  } catch {
    throw new UsageError(`--broker is not a URL: ${broker}`);
  }
  if (!['mqtt:', 'mqtts:', 'ws:', 'wss:', 'tcp:', 'ssl:'].includes(brokerUrl.protocol)) {
    throw new UsageError('--broker must be an mqtt://, mqtts://, ws:// or wss:// URL');
  }
  const statusSeconds = Number(stringFlag(values, 'status-seconds') ?? '10');
  if (!Number.isFinite(statusSeconds) || statusSeconds < 0) throw new UsageError('--status-seconds must be a number >= 0');
  const flags = readFleetFlags(values, { docks: 12, topoSeconds: 60 });

  const fleet = startFleet({
    brokerUrl: broker,
    username: stringFlag(values, 'username') ?? process.env.MQTT_USERNAME,
    password: stringFlag(values, 'password') ?? process.env.MQTT_PASSWORD,
    docks: flags.docks,
    prefix: flags.prefix,
    seed: flags.seed,
    settings: flags.settings,
    downloader: flags.download === 'real' ? httpDownloader : simulatedDownloader,
    downloadRate: flags.rate,
    topoIntervalMs: flags.topoIntervalMs,
    osdIntervalMs: flags.osdIntervalMs,
    log: flags.quiet ? () => undefined : (line) => log(`[fleet] ${line}`),
  });
  const last = String(flags.docks).padStart(Math.max(4, String(flags.docks).length), '0');
  log(
    `Simulating ${flags.docks} docks (${flags.prefix}-DOCK-0001 ... ${flags.prefix}-DOCK-${last}) on ${brokerUrl.protocol}//${brokerUrl.host}${brokerUrl.pathname === '/' ? '' : brokerUrl.pathname}. Ctrl-C stops.`,
  );

  const status =
    statusSeconds > 0
      ? setInterval(() => {
          const busy = fleet.docks.filter((d) => d.machine.busy).length;
          log(`[status] connected ${fleet.connectedCount()}/${flags.docks}, upgrading ${busy}`);
        }, statusSeconds * 1000)
      : undefined;

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    clearInterval(status);
    log(`${signal}: disconnecting ${flags.docks} docks...`);
    setTimeout(() => process.exit(1), 5000).unref();
    fleet.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

try {
  main();
} catch (err) {
  const parseError = err instanceof Error && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS');
  if (err instanceof UsageError || parseError) process.stderr.write(`${(err as Error).message}\nRun with --help for the options.\n`);
  else process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
}
