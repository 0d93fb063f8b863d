/**
 * `npm start`: one process with the built app, the firmware files and catalog, an embedded MQTT
 * broker (WebSocket at /mqtt on the same port, TCP beside it) and a simulated dock fleet.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FLEET_FLAGS, UsageError, fleetHelp, numberFlag, readFleetFlags, stringFlag } from './cli/fleet-flags.ts';
import { DEFAULT_CACHE_DIR } from './firmware/build-catalog.ts';
import { startDemo } from './demo-server.ts';

// A page opened after the docks connected learns the fleet from the next update_topo and state,
// so the demo repeats them more often than the 60 s of `npm run sim`.
const DEMO_DEFAULTS = { docks: 12, topoSeconds: 10 };

const HELP = `Usage: npm start -- [options]     (or: npx tsx sim/start.ts [options])

Serves the built app (dist/), firmware files and catalog, an embedded MQTT broker and a
simulated fleet from one process.

Server:
  --port N               HTTP port for the app, firmware and MQTT over WebSocket at /mqtt
                         (default $PORT or 8080; 0 = any free port; if busy, a free port is used)
  --mqtt-port N          MQTT over TCP (default $MQTT_PORT or 1883; if busy, a free port is used)
  --host ADDR            listen address (default 127.0.0.1; 0.0.0.0 exposes the demo to your LAN)
  --dist DIR             built app to serve (default dist)
  --firmware-mb N        approximate size of each firmware file in MiB (default 32)
  --firmware-seed TEXT   seed of the firmware bytes (default ota-console)
  --cache-dir DIR        where generated firmware is kept between runs
                         (default ${DEFAULT_CACHE_DIR})
  --no-fleet             no simulated docks (same as --docks 0)

${fleetHelp(DEMO_DEFAULTS)}`;

const log = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      ...FLEET_FLAGS,
      port: { type: 'string' },
      'mqtt-port': { type: 'string' },
      host: { type: 'string' },
      dist: { type: 'string' },
      'firmware-mb': { type: 'string' },
      'firmware-seed': { type: 'string' },
      'cache-dir': { type: 'string' },
      'no-fleet': { type: 'boolean' },
    },
    allowPositionals: false,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const withEnv = { ...values, port: values.port ?? process.env.PORT, 'mqtt-port': values['mqtt-port'] ?? process.env.MQTT_PORT };
  const distDir = resolve(stringFlag(values, 'dist') ?? 'dist');
  const fleetFlags = readFleetFlags(values, { ...DEMO_DEFAULTS, docks: values['no-fleet'] ? 0 : DEMO_DEFAULTS.docks });
  if (!existsSync(resolve(distDir, 'index.html'))) {
    log(`warning: ${distDir}/index.html not found; run "npx vite build" (npm start does). Serving firmware and broker anyway.`);
  }

  const started = Date.now();
  const demo = await startDemo({
    port: numberFlag(withEnv, 'port', 8080, 0, 65535),
    mqttPort: numberFlag(withEnv, 'mqtt-port', 1883, 0, 65535),
    host: stringFlag(values, 'host') ?? '127.0.0.1',
    distDir,
    firmwareMb: numberFlag(values, 'firmware-mb', 32, 0.01, 2048),
    firmwareSeed: stringFlag(values, 'firmware-seed') ?? 'ota-console',
    cacheDir: stringFlag(values, 'cache-dir'),
    fleet: fleetFlags,
    log: fleetFlags.quiet ? () => undefined : (line) => log(`[fleet] ${line}`),
  });

  const sizes = [...demo.firmware.files.values()].map((f) => f.size);
  const mib = (n: number) => (n / 1024 / 1024).toFixed(1);
  if (demo.httpFallbackFrom !== null)
    log(`Port ${demo.httpFallbackFrom} is in use; serving on a free port instead (choose one with --port or PORT).`);
  if (demo.tcpFallbackFrom !== null)
    log(`MQTT TCP port ${demo.tcpFallbackFrom} is in use; the embedded broker listens on ${demo.tcpUrl} instead.`);
  log('');
  log(`OTA Console demo: ${demo.appUrl}`);
  log(`  Broker     ${demo.wsUrl} (the page uses it) and ${demo.tcpUrl}`);
  log(
    `  Firmware   ${demo.firmware.catalog.firmware.length} catalog entries, ${demo.firmware.files.size} files of ${mib(Math.min(...sizes))}-${mib(Math.max(...sizes))} MiB: ${demo.appUrl}firmware/catalog.json`,
  );
  log(
    `  Fleet      ${fleetFlags.docks} simulated docks (${fleetFlags.prefix}-DOCK-...), downloads at about ${mib(fleetFlags.rate)} MiB/s each`,
  );
  log(`  Ready in   ${((Date.now() - started) / 1000).toFixed(1)} s`);
  log('Try: open the URL, choose firmware on Upgrade, tick a few gateways, Start upgrade, and watch Monitor.');
  log('     The Dock 2 "10.02.9999" build has a wrong md5 on purpose: it ends in VERIFY_FAILED. Ctrl-C stops.');
  log('');

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    log(`${signal}: stopping fleet, broker and server...`);
    // A client that will not let go must not keep the terminal hostage.
    setTimeout(() => process.exit(1), 5000).unref();
    demo.close().then(
      () => {
        log('Stopped.');
        process.exit(0);
      },
      (err: unknown) => {
        process.stderr.write(`error while stopping: ${String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  const parseError = err instanceof Error && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS');
  if (err instanceof UsageError || parseError) {
    process.stderr.write(`${(err as Error).message}\nRun with --help for the options.\n`);
  } else {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
  process.exit(1);
});
