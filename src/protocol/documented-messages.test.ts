/**
 * Every example message collected in fixtures/ (DJI's and Autel's documentation, DJI's reference
 * backend and web app) decoded, and what it means asserted. Examples the console deliberately does
 * not read say why. A fixture example without an expectation here fails the suite.
 */
import { describe, expect, it } from 'vitest';
import { decode } from './decode.ts';
import { decodeAsWatched, DOCUMENTED_EXAMPLES, FIXTURE_FILES } from './documented-examples-test-kit.ts';
import type { Decoded } from './messages.ts';

const PLACEHOLDER = 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxx';

/** Files whose examples only make sense in a scenario order (the ota_create before its answers). */
const WATCH_ORDER: Readonly<Record<string, readonly string[]>> = {
  'dji-cloud-api-doc-v1.11.3-dock-firmware': ['ota-create', 'ota-create-reply', 'ota-progress'],
};

type Expectation = { read: Record<string, unknown> } | { ignored: string; kind: 'ignored' | 'invalid'; reason: RegExp };

const read = (shape: Record<string, unknown>): Expectation => ({ read: shape });
const ignored = (kind: 'ignored' | 'invalid', reason: RegExp, why: string): Expectation => ({ kind, reason, ignored: why });

const NOT_OURS = 'a topic the console does not subscribe to';

const EXPECTED: Readonly<Record<string, Expectation>> = {
  // DJI Cloud API v1.11.3, Dock 1/2 firmware page: printed without method.
  'dji-cloud-api-doc-v1.11.3-dock-firmware#ota-create': read({
    kind: 'ota_create',
    meta: { bid: PLACEHOLDER, tid: PLACEHOLDER, timestamp: 1654070968655, gateway: 'dock_sn', method: 'ota_create' },
    devices: [
      { sn: 'drone_sn', product_version: '1.00.223', file_name: 'wm245_1.00.223.zip', file_size: 653467234, firmware_upgrade_type: 2 },
      { sn: 'dock_sn', product_version: '1.00.223', firmware_upgrade_type: 3 },
    ],
  }),
  'dji-cloud-api-doc-v1.11.3-dock-firmware#ota-create-reply': read({
    kind: 'ota_create_reply',
    meta: { bid: PLACEHOLDER, tid: PLACEHOLDER },
    result: 0,
    status: 'in_progress',
  }),
  'dji-cloud-api-doc-v1.11.3-dock-firmware#ota-progress': read({
    kind: 'ota_progress',
    meta: { bid: PLACEHOLDER, gateway: 'dock_sn', timestamp: 1654070968655 },
    status: 'in_progress',
    percent: 10,
    step: 'download_firmware',
    stepResult: null,
    result: 0,
  }),

  // DJI Cloud API v1.4, dock firmware page: with method; "timestamp:" misspelt, so no timestamp.
  'dji-cloud-api-doc-v1.4-dock-firmware#ota-progress': read({
    kind: 'ota_progress',
    meta: { bid: PLACEHOLDER, timestamp: null, method: 'ota_progress' },
    status: 'in_progress',
    percent: 10,
    step: 'download_firmware',
  }),
  'dji-cloud-api-doc-v1.4-dock-firmware#ota-progress-events-reply': ignored(
    'ignored',
    /events_reply is the cloud's answer/,
    "the cloud's own answer to the event",
  ),
  'dji-cloud-api-doc-v1.4-dock-firmware#ota-create': read({
    kind: 'ota_create',
    meta: { timestamp: null },
    devices: [
      { sn: 'drone_sn', product_version: '1.00.223', md5: 'abcdefabcdefabcdef', firmware_upgrade_type: 2 },
      { sn: 'dock_sn', product_version: '1.00.223', firmware_upgrade_type: 3 },
    ],
  }),
  'dji-cloud-api-doc-v1.4-dock-firmware#ota-create-reply': read({ kind: 'ota_create_reply', result: 0, status: 'in_progress' }),

  // DJI Cloud API v1.11.3, topic definition: the generic struct examples.
  'dji-cloud-api-doc-v1.11.3-topic-definition#osd-1': read({ kind: 'osd', deviceSn: 'dock_sn', modeCode: null }),
  'dji-cloud-api-doc-v1.11.3-topic-definition#osd-2': read({ kind: 'osd', deviceSn: 'dock_sn', modeCode: null }),
  'dji-cloud-api-doc-v1.11.3-topic-definition#osd-3': read({ kind: 'osd', deviceSn: 'dock_sn', modeCode: 1 }),
  'dji-cloud-api-doc-v1.11.3-topic-definition#state': ignored('ignored', /state carries no firmware properties/, 'an empty data object'),
  'dji-cloud-api-doc-v1.11.3-topic-definition#services': ignored('ignored', /method "some_method" is not handled/, 'a placeholder method'),
  'dji-cloud-api-doc-v1.11.3-topic-definition#services-reply': ignored(
    'ignored',
    /method "some_method" is not handled/,
    'a placeholder method',
  ),
  'dji-cloud-api-doc-v1.11.3-topic-definition#events': ignored('ignored', /method "some_method" is not handled/, 'a placeholder method'),
  'dji-cloud-api-doc-v1.11.3-topic-definition#events-reply': ignored(
    'ignored',
    /events_reply is the cloud's answer/,
    "the cloud's own answer",
  ),
  'dji-cloud-api-doc-v1.11.3-topic-definition#requests': ignored('invalid', /topic/, NOT_OURS),
  'dji-cloud-api-doc-v1.11.3-topic-definition#requests-reply': ignored('invalid', /topic/, NOT_OURS),
  'dji-cloud-api-doc-v1.11.3-topic-definition#status-update-topo-online': read({
    kind: 'update_topo',
    meta: { method: 'update_topo', gateway: 'dock_sn' },
    gateway: { sn: 'dock_sn', domain: null, type: 98, subType: 0, modelKey: null, thingVersion: '1' },
    subDevices: [{ sn: 'drone001', domain: null, type: 116, subType: 0, modelKey: null, index: 'A', thingVersion: '1' }],
  }),
  'dji-cloud-api-doc-v1.11.3-topic-definition#status-update-topo-offline': read({
    kind: 'update_topo',
    gateway: { sn: 'dock_sn', domain: null, thingVersion: '1' },
    subDevices: [],
  }),
  'dji-cloud-api-doc-v1.11.3-topic-definition#status-reply': ignored(
    'ignored',
    /status_reply is the cloud's answer/,
    "the cloud's own answer",
  ),
  'dji-cloud-api-doc-v1.11.3-topic-definition#property-set': ignored('invalid', /topic/, NOT_OURS),
  'dji-cloud-api-doc-v1.11.3-topic-definition#property-set-reply': ignored('invalid', /topic/, NOT_OURS),
  'dji-cloud-api-doc-v1.11.3-topic-definition#drc-up': ignored('invalid', /topic/, NOT_OURS),
  'dji-cloud-api-doc-v1.11.3-topic-definition#drc-down': ignored('invalid', /topic/, NOT_OURS),

  // DJI Cloud API v1.11.3, Dock 2 device management.
  'dji-cloud-api-doc-v1.11.3-dock2-device#update-topo-online': read({
    kind: 'update_topo',
    gateway: { sn: 'dock_sn', domain: '3', modelKey: '3-119-0', thingVersion: '1.1.2' },
    subDevices: [{ sn: 'drone001', domain: '0', modelKey: '0-60-0', index: 'A', thingVersion: '1.1.2' }],
  }),
  'dji-cloud-api-doc-v1.11.3-dock2-device#update-topo-offline': read({
    kind: 'update_topo',
    gateway: { modelKey: '3-119-0' },
    subDevices: [],
  }),
  'dji-cloud-api-doc-v1.11.3-dock2-device#update-topo-status-reply': ignored(
    'ignored',
    /status_reply is the cloud's answer/,
    "the cloud's own answer",
  ),

  // Autel EVO Nest firmware upgrade page.
  'autel-evo-nest-firmware-upgrade#ota-progress': read({
    kind: 'ota_progress',
    meta: { bid: '8ca0ffa2-5e72-4078-8fa9-dc68216ff5d1', tid: '74045eba-bd24-4106-b455-d3577f3cbf52', timestamp: 1707048089244 },
    status: 'failed',
    subStatus: 'DOWNLOAD_FAILED',
    step: 'download_firmware',
    percent: 0,
    result: 0,
  }),
  'autel-evo-nest-firmware-upgrade#ota-create': read({
    kind: 'ota_create',
    meta: { bid: '8ca0ffa2-5e72-4078-8fa9-dc68216ff5d1' },
    devices: [
      {
        sn: 'NM1923221021',
        product_version: '1.2.0.69',
        file_size: 603696942,
        md5: 'd1c9dacec124abd350379eb44b9143e5',
        firmware_upgrade_type: 3,
        file_name: 'EvoNest-V1.2.0.69-20231215094829.Encrypt.uav',
      },
    ],
  }),
  'autel-evo-nest-firmware-upgrade#ota-create-reply': read({
    kind: 'ota_create_reply',
    meta: { bid: '149878685687484417' },
    result: 0,
    status: 'sent',
  }),
  'autel-evo-nest-device-management#update-topo-online': read({
    kind: 'update_topo',
    gateway: { sn: 'NEST_DOCK_1', modelKey: '3-119-0', thingVersion: '1.1.2' },
    subDevices: [{ sn: 'drone001', modelKey: '0-60-0', index: 'A' }],
  }),
  'autel-evo-nest-device-management#update-topo-offline': read({ kind: 'update_topo', subDevices: [] }),
  'autel-evo-nest-numeric-ids#reply-numeric-bid': read({
    kind: 'ota_create_reply',
    meta: { bid: '149878685687484417' },
    result: 0,
    status: 'sent',
  }),

  // Shapes from DJI's reference backend and web app.
  'dji-reference-backend-service-reply#reply-in-info': read({ kind: 'ota_create_reply', result: 0, status: 'in_progress' }),
  'dji-reference-backend-output-progress#progress-step-ok': read({
    kind: 'ota_progress',
    status: 'in_progress',
    percent: 40,
    stepResult: 0,
  }),
  'dji-reference-backend-output-progress#progress-step-failed': read({
    kind: 'ota_progress',
    status: 'in_progress',
    percent: 40,
    stepResult: 1,
  }),
  'dji-reference-backend-dock-firmware-version#state-boolean-flags': read({
    kind: 'state',
    deviceSn: 'dock_sn',
    firmwareVersion: '10.01.3205',
    compatibleStatus: 1,
    firmwareUpgradeStatus: 0,
  }),
  'dji-reference-backend-dock-firmware-version#state-empty-version': read({
    kind: 'state',
    deviceSn: 'dock_sn',
    compatibleStatus: 1,
    firmwareUpgradeStatus: 1,
  }),
  'dji-reference-backend-publish-with-reply#ota-create-copy-1': read({
    kind: 'ota_create',
    meta: { bid: 'bbbbbbb1-0000-4000-8000-000000000001' },
  }),
  'dji-reference-backend-publish-with-reply#ota-create-copy-2': read({
    kind: 'ota_create',
    meta: { bid: 'bbbbbbb2-0000-4000-8000-000000000002' },
  }),
  'dji-reference-backend-publish-with-reply#ota-create-copy-3': read({
    kind: 'ota_create',
    meta: { bid: 'bbbbbbb3-0000-4000-8000-000000000003' },
  }),
  'dji-reference-backend-publish-with-reply#reply-to-copy-3': read({ kind: 'ota_create_reply', result: 0, status: 'in_progress' }),
  'dji-reference-backend-publish-with-reply#progress-of-copy-3': read({
    kind: 'ota_progress',
    percent: 12,
    meta: { bid: 'bbbbbbb3-0000-4000-8000-000000000003' },
  }),
  'dji-reference-web-device-cmd#progress-in-progress': read({
    kind: 'ota_progress',
    status: 'in_progress',
    percent: 70,
    step: 'upgrade_firmware',
  }),
  'dji-reference-web-device-cmd#progress-ok-without-progress': read({ kind: 'ota_progress', status: 'ok', percent: null, step: null }),
  'dji-reference-web-device-cmd#progress-failed-without-percent': read({
    kind: 'ota_progress',
    status: 'failed',
    percent: null,
    step: 'upgrade_firmware',
  }),
};

function decodedOf(file: string, id: string): Decoded {
  const decoded = decodeAsWatched(file, WATCH_ORDER[file]).get(id);
  if (decoded === undefined) throw new Error(`${file}#${id} was not decoded`);
  return decoded;
}

describe('documented example messages', () => {
  it('were collected, each with its source and topic', () => {
    expect(FIXTURE_FILES.size).toBeGreaterThanOrEqual(10);
    for (const [name, file] of FIXTURE_FILES) {
      expect(file.source.title, name).toBeTruthy();
      if (file.examples !== undefined) expect(file.source.url ?? file.source.path, name).toBeTruthy();
    }
    expect(DOCUMENTED_EXAMPLES.length).toBeGreaterThanOrEqual(40);
  });

  it('every example has an expectation here, and every expectation an example', () => {
    expect(DOCUMENTED_EXAMPLES.map((e) => e.key).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(DOCUMENTED_EXAMPLES.map((e) => [e.key, e] as const))('%s', (key, example) => {
    const expected = EXPECTED[key];
    if (expected === undefined) throw new Error(`no expectation for ${key}`);
    const decoded = decodedOf(example.file, example.id);
    if ('read' in expected) {
      expect(decoded).toMatchObject(expected.read);
    } else {
      // Deliberately not read: the expectation's `ignored` says why.
      expect(expected.ignored.length).toBeGreaterThan(0);
      expect(decoded.kind).toBe(expected.kind);
      const reason = decoded.kind === 'invalid' || decoded.kind === 'ignored' ? decoded.reason : '';
      expect(reason).toMatch(expected.reason);
    }
  });
});

describe('messages without method, seen without their ota_create', () => {
  it('a reply or progress is not guessed into an upgrade: it stays invalid with its reason', () => {
    const firmware = DOCUMENTED_EXAMPLES.filter((e) => e.file === 'dji-cloud-api-doc-v1.11.3-dock-firmware');
    const reply = firmware.find((e) => e.id === 'ota-create-reply')!;
    const progress = firmware.find((e) => e.id === 'ota-progress')!;
    expect(decode(reply.concreteTopic, reply.message)).toMatchObject({
      kind: 'invalid',
      reason: expect.stringMatching(/method is missing.*match no ota_create this console sent or saw/),
    });
    expect(decode(progress.concreteTopic, progress.message)).toMatchObject({
      kind: 'invalid',
      reason: expect.stringMatching(/method is missing.*is no upgrade this console knows/),
    });
  });

  it('an ota_create without method is recognised by its devices list alone', () => {
    const create = DOCUMENTED_EXAMPLES.find((e) => e.key === 'dji-cloud-api-doc-v1.11.3-dock-firmware#ota-create')!;
    expect(decode(create.concreteTopic, create.message)).toMatchObject({
      kind: 'ota_create',
      devices: [{ sn: 'drone_sn' }, { sn: 'dock_sn' }],
    });
  });
});
