/**
 * What a heap snapshot (bench --heap-snapshot, or Chrome DevTools' Memory tab) is made of: self
 * size and count per kind of object (constructor name for objects, the node type otherwise), the
 * largest first. With two files, the second against the first: which kinds grew, which shrank.
 *
 *   npx tsx bench/heap-summary.ts AFTER.heapsnapshot [--against BEFORE.heapsnapshot] [--top N]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';

const snapshotSchema = z.object({
  snapshot: z.object({
    meta: z.object({ node_fields: z.array(z.string()), node_types: z.array(z.unknown()) }),
  }),
  nodes: z.array(z.number()),
  strings: z.array(z.string()),
});

interface Kind {
  count: number;
  bytes: number;
}

/** Self size and count per kind of node. */
function summarize(path: string): Map<string, Kind> {
  const parsed = snapshotSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  const fields = parsed.snapshot.meta.node_fields;
  const typeNames = z.array(z.string()).parse(parsed.snapshot.meta.node_types[0]);
  const at = (name: string) => {
    const index = fields.indexOf(name);
    if (index < 0) throw new Error(`${path}: no node field ${name}`);
    return index;
  };
  const [typeAt, nameAt, sizeAt] = [at('type'), at('name'), at('self_size')];
  const kinds = new Map<string, Kind>();
  for (let i = 0; i < parsed.nodes.length; i += fields.length) {
    const type = typeNames[parsed.nodes[i + typeAt] ?? -1] ?? '?';
    const name = type === 'object' || type === 'native' ? (parsed.strings[parsed.nodes[i + nameAt] ?? -1] ?? '?') : `(${type})`;
    const kind = kinds.get(name) ?? { count: 0, bytes: 0 };
    kind.count += 1;
    kind.bytes += parsed.nodes[i + sizeAt] ?? 0;
    kinds.set(name, kind);
  }
  return kinds;
}

const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(2);

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { against: { type: 'string' }, top: { type: 'string', default: '30' } },
  });
  const file = positionals[0];
  if (file === undefined)
    throw new Error('usage: npx tsx bench/heap-summary.ts AFTER.heapsnapshot [--against BEFORE.heapsnapshot] [--top N]');
  const top = Number(values.top);
  const after = summarize(file);
  const before = values.against === undefined ? new Map<string, Kind>() : summarize(values.against);
  const total = (kinds: Map<string, Kind>) => [...kinds.values()].reduce((sum, k) => sum + k.bytes, 0);
  const names = [...new Set([...after.keys(), ...before.keys()])];
  const delta = (name: string) => (after.get(name)?.bytes ?? 0) - (before.get(name)?.bytes ?? 0);
  names.sort((a, b) => Math.abs(delta(b)) - Math.abs(delta(a)));
  console.log(`total ${mb(total(after))} MB${values.against === undefined ? '' : ` (against ${mb(total(before))} MB)`}`);
  for (const name of names.slice(0, top)) {
    const a = after.get(name) ?? { count: 0, bytes: 0 };
    const b = before.get(name);
    const change =
      b === undefined
        ? ''
        : `  ${delta(name) >= 0 ? '+' : ''}${mb(delta(name))} MB, count ${a.count - b.count >= 0 ? '+' : ''}${a.count - b.count}`;
    console.log(`${mb(a.bytes).padStart(8)} MB  ${String(a.count).padStart(8)}  ${name.slice(0, 60)}${change}`);
  }
}

main();
