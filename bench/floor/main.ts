/**
 * The floor of issue 9: what a bare page costs when it receives the same traffic as the console.
 * MQTT.js over WebSocket, one JSON.parse per message (osd and state too), counters, and the probe gateways' percent
 * written as progressbars once per frame (the same DOM signal the harness reads from the console),
 * nothing else. Connects like the console does (MQTT 5, QoS 1 subscriptions), so the broker and
 * the socket do the same work for both pages.
 */
import mqtt from 'mqtt';

const params = new URLSearchParams(location.search);
const brokerUrl = params.get('broker');
const filters = (params.get('topics') ?? '').split(',').filter(Boolean);
const probePrefix = params.get('probe') ?? 'PROBE';
if (!brokerUrl || filters.length === 0) throw new Error('floor needs ?broker=ws://...&topics=a,b');

const countEl = document.getElementById('count');
const allEl = document.getElementById('all');
const probesEl = document.getElementById('probes');
if (!countEl || !allEl || !probesEl) throw new Error('floor index.html is missing #count, #all or #probes');

/** ota_progress (events topics), the count the harness compares with what was published. */
let count = 0;
let all = 0;
let shownCount = -1;
const pendingProbes = new Map<string, number>();
const probeBars = new Map<string, HTMLElement>();
const decoder = new TextDecoder();

interface ProbeFields {
  gateway?: unknown;
  data?: { output?: { progress?: { percent?: unknown } } };
}

function paint() {
  if (all !== shownCount) {
    countEl!.textContent = String(count);
    allEl!.textContent = String(all);
    shownCount = all;
  }
  for (const [sn, percent] of pendingProbes) {
    let bar = probeBars.get(sn);
    if (!bar) {
      bar = document.createElement('div');
      bar.setAttribute('role', 'progressbar');
      bar.setAttribute('aria-label', `Upgrade progress ${sn}`);
      probesEl!.append(bar);
      probeBars.set(sn, bar);
    }
    bar.setAttribute('aria-valuenow', String(percent));
  }
  pendingProbes.clear();
  requestAnimationFrame(paint);
}
requestAnimationFrame(paint);

const client = mqtt.connect(brokerUrl, { protocolVersion: 5, clean: true, reconnectPeriod: 1000 });
client.on('connect', () => {
  client.subscribe(filters, { qos: 1 }, (error) => {
    if (error) console.error('floor subscribe failed', error);
    else document.body.dataset.connected = 'true';
  });
});
client.on('message', (topic, payload: Uint8Array) => {
  const message = JSON.parse(decoder.decode(payload)) as ProbeFields;
  all += 1;
  if (!topic.endsWith('/events')) return;
  count += 1;
  const gateway = message.gateway;
  if (typeof gateway === 'string' && gateway.startsWith(probePrefix)) {
    const percent = message.data?.output?.progress?.percent;
    if (typeof percent === 'number') pendingProbes.set(gateway, percent);
  }
});
