/**
 * Sends one ota_create from a firmware catalog and prints what the dock answers until the upgrade
 * ends: a console-free way to rehearse against the simulator or a real dock.
 *
 *   npx tsx sim/tools/send-upgrade.ts --broker mqtt://127.0.0.1:1883 \
 *     --catalog http://127.0.0.1:8080/firmware/catalog.json \
 *     --gateway SIM-DOCK-0002 --target SIM-DOCK-0002=dock2-10.02.0308-3-2-0 [--target SN=ID] [--type 3]
 */
import { connectAsync } from 'mqtt';
import { parseArgs } from 'node:util';
import { buildOtaCreate, encodeMessage } from '../../src/protocol/builders.ts';
import { decode } from '../../src/protocol/decode.ts';
import type { OtaCreateDevice } from '../../src/protocol/messages.ts';
import { eventsTopic, servicesReplyTopic, servicesTopic, stateTopic } from '../../src/protocol/topics.ts';
import type { CatalogEntry } from '../firmware/build-catalog.ts';

const { values } = parseArgs({
  options: {
    broker: { type: 'string' },
    catalog: { type: 'string' },
    gateway: { type: 'string' },
    target: { type: 'string', multiple: true },
    type: { type: 'string' },
    'timeout-seconds': { type: 'string' },
  },
});

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

const { broker, catalog: catalogUrl, gateway } = values;
if (!broker || !catalogUrl || !gateway || !values.target?.length)
  fail('needs --broker, --catalog, --gateway and at least one --target SN=FIRMWARE_ID');
const upgradeType = Number(values.type ?? '3') as OtaCreateDevice['firmware_upgrade_type'];
const timeoutMs = Number(values['timeout-seconds'] ?? '300') * 1000;

const catalog = ((await (await fetch(catalogUrl)).json()) as { firmware: CatalogEntry[] }).firmware;
const devices = values.target.map((pair): OtaCreateDevice => {
  const [sn = '', id = ''] = pair.split('=');
  const entry = catalog.find((e) => e.id === id) ?? fail(`no firmware ${id} in the catalog; ids: ${catalog.map((e) => e.id).join(', ')}`);
  return {
    sn,
    product_version: entry.product_version,
    file_url: new URL(entry.file_url, catalogUrl).href,
    md5: entry.md5,
    file_size: entry.file_size,
    file_name: entry.file_name,
    firmware_upgrade_type: upgradeType,
  };
});

const client = await connectAsync(broker, { protocolVersion: 4, clientId: `send-upgrade-${process.pid}` });
await client.subscribeAsync([servicesReplyTopic(gateway), eventsTopic(gateway), ...devices.map((d) => stateTopic(d.sn))], { qos: 1 });
const message = buildOtaCreate(devices);
const started = Date.now();
const stamp = () => `${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s`;
let done = false;
let exitCode = 3;
client.on('message', (topic, payload) => {
  const d = decode(topic, payload);
  if (d.kind === 'ota_create_reply' && d.meta.tid === message.tid) {
    process.stdout.write(`${stamp()} services_reply result ${d.result} status ${d.status ?? '-'}\n`);
    if (d.result !== 0) {
      exitCode = 2;
      done = true;
    }
  } else if (d.kind === 'ota_progress' && d.meta.bid === message.bid) {
    const rate = d.rate === null ? '' : ` ${(d.rate / 1024 / 1024).toFixed(2)} MiB/s`;
    process.stdout.write(
      `${stamp()} ota_progress ${d.status} ${d.subStatusRaw ?? '-'} ${d.step ?? '-'} ${d.percent}%${rate}${d.meta.needReply ? ' need_reply' : ''}\n`,
    );
    if (d.status === 'ok' || d.status === 'failed') exitCode = d.status === 'ok' ? 0 : 2;
  } else if (d.kind === 'state') {
    process.stdout.write(`${stamp()} state ${d.deviceSn} ${JSON.stringify((JSON.parse(d.meta.text) as { data?: unknown }).data)}\n`);
    if (exitCode !== 3 && d.firmwareUpgradeStatus === 0) done = true;
  } else if (d.kind === 'invalid') {
    process.stdout.write(`${stamp()} INVALID ${d.topic}: ${d.reason}\n`);
  }
});
await client.publishAsync(servicesTopic(gateway), encodeMessage(message), { qos: 1 });
process.stdout.write(
  `${stamp()} sent ota_create bid ${message.bid} to ${gateway}: ${devices.map((d) => `${d.sn} -> ${d.product_version}`).join(', ')}\n`,
);
while (!done && Date.now() - started < timeoutMs) await new Promise((r) => setTimeout(r, 100));
// The final state messages follow the terminal event within the same tick.
await new Promise((r) => setTimeout(r, 300));
await client.endAsync();
if (!done) process.stdout.write(`${stamp()} gave up after ${timeoutMs / 1000} s\n`);
process.exit(exitCode);
