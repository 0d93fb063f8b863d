/**
 * The example messages collected from DJI's and Autel's documentation and reference code
 * (fixtures/*.json), as the tests read them: one entry per example, with the topic filled in.
 */
import { decode } from './decode.ts';
import type { Decoded } from './messages.ts';
import { UpgradeIdMemory } from './upgrade-ids.ts';

export interface FixtureExample {
  id: string;
  /** As documented, with {gateway_sn} / {device_sn} placeholders. */
  topic: string;
  /** The SN put in place of the topic's placeholder. */
  gatewaySn: string;
  /** The message text exactly as the source prints it (or as built from reference code, see `printed`). */
  message: string;
}

export interface FixtureFile {
  source: { title: string; url?: string; repository?: string; path?: string; commit?: string };
  /** false: the source defines the shape but prints no message; the example was built in that shape. */
  printed?: boolean;
  notes: string;
  examples?: FixtureExample[];
  notFound?: { what: string; searched: string; result: string }[];
}

export interface DocumentedExample extends FixtureExample {
  file: string;
  /** `${file}#${id}`: the key the tests' expectations use. */
  key: string;
  /** The topic with its placeholder replaced by gatewaySn. */
  concreteTopic: string;
}

const modules = import.meta.glob<FixtureFile>('./fixtures/*.json', { eager: true, import: 'default' });

export const FIXTURE_FILES: ReadonlyMap<string, FixtureFile> = new Map(
  Object.entries(modules).map(([path, file]) => [path.replace(/^.*\//, '').replace(/\.json$/, ''), file]),
);

export function concreteTopic(topic: string, sn: string): string {
  return topic.replace(/\{(gateway_sn|device_sn)\}/g, sn);
}

export const DOCUMENTED_EXAMPLES: readonly DocumentedExample[] = [...FIXTURE_FILES].flatMap(([file, content]) =>
  (content.examples ?? []).map((example) => ({
    ...example,
    file,
    key: `${file}#${example.id}`,
    concreteTopic: concreteTopic(example.topic, example.gatewaySn),
  })),
);

/**
 * Decodes every example of `file` in the order given, as a console watching the broker would:
 * each decoded message teaches the id memory (so a reply or progress without method finds the
 * ota_create seen before it). Returns the decoded values by example id.
 */
export function decodeAsWatched(file: string, order?: readonly string[]): Map<string, Decoded> {
  const examples = DOCUMENTED_EXAMPLES.filter((e) => e.file === file);
  const ids = order ?? examples.map((e) => e.id);
  const memory = new UpgradeIdMemory();
  const out = new Map<string, Decoded>();
  for (const id of ids) {
    const example = examples.find((e) => e.id === id);
    if (example === undefined) throw new Error(`no example ${file}#${id}`);
    const decoded = decode(example.concreteTopic, example.message, undefined, memory);
    memory.learn(decoded);
    out.set(id, decoded);
  }
  return out;
}
