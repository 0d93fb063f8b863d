// Proves the import rules of eslint.config.js fire: writes probe files into src that break them (a
// feature importing a feature, protocol importing a feature, ui importing app, mqtt outside the
// broker, a cycle), lints them through ESLint's Node API with the project's config, and fails
// unless each probe gets exactly the rule ids expected (an allowed import must get none). Run by
// `npm run lint`; if a rule is dropped from the config, this fails.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const folder = `lint-probe-${process.pid}`;
const at = (layer, file) => `src/${layer}/${folder}/${file}`;
const from = (layer, file) => `../../${layer}/${folder}/${file}`;

/** Each probe: where it goes, its text, and the rule ids lint must report on it (sorted). */
const probes = [
  { path: at('tasks', 'task-probe.ts'), text: 'export const taskProbe = 1;\n', expect: [] },
  {
    // features of one level never import each other
    path: at('fleet', 'fleet-probe.ts'),
    text: `import { taskProbe } from '${from('tasks', 'task-probe.ts')}';\nexport const fleetProbe = taskProbe;\n`,
    expect: ['import-x/no-restricted-paths'],
  },
  {
    // protocol imports nothing of the app
    path: at('protocol', 'protocol-probe.ts'),
    text: `import { fleetProbe } from '${from('fleet', 'fleet-probe.ts')}';\nexport const protocolProbe = fleetProbe;\n`,
    expect: ['import-x/no-restricted-paths'],
  },
  {
    // campaigns may import tasks: the rules must not fire on an allowed import
    path: at('campaigns', 'campaign-probe.ts'),
    text: `import { taskProbe } from '${from('tasks', 'task-probe.ts')}';\nexport const campaignProbe = taskProbe;\n`,
    expect: [],
  },
  {
    // the dock page joins the fleet with the tasks: allowed there
    path: at('dock', 'dock-probe.ts'),
    text: `import { taskProbe } from '${from('tasks', 'task-probe.ts')}';\nexport const dockProbe = taskProbe;\n`,
    expect: [],
  },
  {
    // ... but the fleet never reaches up into it
    path: at('fleet', 'fleet-dock-probe.ts'),
    text: `import { dockProbe } from '${from('dock', 'dock-probe.ts')}';\nexport const fleetDockProbe = dockProbe;\n`,
    expect: ['import-x/no-restricted-paths'],
  },
  { path: at('app', 'app-probe.ts'), text: 'export interface AppProbe {\n  probe: number;\n}\n', expect: [] },
  {
    // nothing imports app, not even a type
    path: at('ui', 'ui-probe.ts'),
    text: `import type { AppProbe } from '${from('app', 'app-probe.ts')}';\nexport const uiProbe: AppProbe = { probe: 1 };\n`,
    expect: ['import-x/no-restricted-paths'],
  },
  {
    // only src/broker talks MQTT
    path: at('tasks', 'mqtt-probe.ts'),
    text: `import type { MqttClient } from 'mqtt';\nexport type MqttProbe = MqttClient;\n`,
    expect: ['no-restricted-imports'],
  },
  {
    // two files of one folder that import each other
    path: at('lib', 'cycle-a.ts'),
    text: `import { cycleB } from './cycle-b.ts';\nexport const cycleA = (): number => cycleB() + 1;\n`,
    expect: ['import-x/no-cycle'],
  },
  {
    path: at('lib', 'cycle-b.ts'),
    text: `import { cycleA } from './cycle-a.ts';\nexport const cycleB = (): number => (cycleA.length > 0 ? 0 : 1);\n`,
    expect: ['import-x/no-cycle'],
  },
];

const probeFolders = [...new Set(probes.map((probe) => dirname(join(root, probe.path))))];
const removeProbes = () => {
  for (const dir of probeFolders) rmSync(dir, { recursive: true, force: true });
};
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    removeProbes();
    process.exit(1);
  });
}

let failures;
try {
  for (const probe of probes) {
    mkdirSync(dirname(join(root, probe.path)), { recursive: true });
    writeFileSync(join(root, probe.path), probe.text);
  }
  const eslint = new ESLint({ cwd: root });
  const results = await eslint.lintFiles(probes.map((probe) => probe.path));
  const byPath = new Map(results.map((result) => [relative(root, result.filePath), result]));
  failures = probes.flatMap((probe) => {
    const result = byPath.get(probe.path);
    if (result === undefined) return [`${probe.path}: not linted`];
    const got = result.messages.map((message) => message.ruleId ?? `fatal: ${message.message}`).sort();
    return JSON.stringify(got) === JSON.stringify(probe.expect)
      ? []
      : [`${probe.path}: expected [${probe.expect.join(', ')}], lint reported [${got.join(', ')}]`];
  });
} finally {
  removeProbes();
}

if (failures.length > 0) {
  console.error(`check-lint-rules: the import rules of eslint.config.js did not fire as expected:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log(`check-lint-rules: ${probes.length} probes, each import rule fired where expected and nowhere else.`);
