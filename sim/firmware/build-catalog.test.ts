import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCatalog } from '../../src/firmware/parse-catalog.ts';
import { KNOWN_MODEL_KEYS } from '../../src/protocol/models.ts';
import { buildFirmwareSet, type FirmwareSet } from './build-catalog.ts';

let dir: string;
let set: FirmwareSet;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sim-catalog-test-'));
  set = await buildFirmwareSet({ sizeMb: 0.02, seed: 's1', cacheDir: dir });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('buildFirmwareSet', () => {
  it('offers firmware for every known model, and the console parses every entry', () => {
    expect(new Set(set.catalog.firmware.map((e) => e.model))).toEqual(new Set(KNOWN_MODEL_KEYS));
    const parsed = parseCatalog(set.catalog, 'http://127.0.0.1:8080/firmware/catalog.json');
    expect(parsed.rejected).toEqual([]);
    expect(parsed.firmware).toHaveLength(set.catalog.firmware.length);
  });

  it('writes files whose bytes match size and md5, except the one corrupt entry', async () => {
    let wrong = 0;
    for (const entry of set.catalog.firmware) {
      const file = set.files.get(entry.file_name)!;
      const bytes = await readFile(file.path);
      expect(bytes.length).toBe(entry.file_size);
      if (createHash('md5').update(bytes).digest('hex') !== entry.md5) wrong++;
    }
    expect(wrong).toBe(1);
  });

  it('reuses cached files for the same size and seed, and changes bytes with the seed', async () => {
    const again = await buildFirmwareSet({ sizeMb: 0.02, seed: 's1', cacheDir: dir });
    const first = set.files.get(set.catalog.firmware[0]!.file_name)!;
    const second = again.files.get(set.catalog.firmware[0]!.file_name)!;
    expect(second.path).toBe(first.path);
    expect((await stat(second.path)).mtimeMs).toBe((await stat(first.path)).mtimeMs);
    const other = await buildFirmwareSet({ sizeMb: 0.02, seed: 's2', cacheDir: dir });
    expect(other.catalog.firmware[0]!.md5).not.toBe(set.catalog.firmware[0]!.md5);
  });
});
