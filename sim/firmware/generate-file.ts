import { createCipheriv, createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface GeneratedFile {
  path: string;
  size: number;
  md5: string;
}

const CHUNK = 1 << 20;

/**
 * Deterministic pseudo-random bytes: the AES-128-CTR keystream of a key derived from the seed.
 * Fast (hardware AES) and identical across runs and machines, so md5 values are stable.
 */
function* keystream(seed: string, size: number): Generator<Buffer> {
  const key = createHash('sha256').update(seed).digest().subarray(0, 16);
  const cipher = createCipheriv('aes-128-ctr', key, Buffer.alloc(16));
  const zeros = Buffer.alloc(CHUNK);
  let left = size;
  while (left > 0) {
    const n = Math.min(CHUNK, left);
    yield cipher.update(n === CHUNK ? zeros : zeros.subarray(0, n));
    left -= n;
  }
}

function cacheName(name: string, size: number, seed: string): string {
  const seedTag = createHash('sha1').update(seed).digest('hex').slice(0, 12);
  return `${name}-${size}-${seedTag}`;
}

/**
 * Returns the cached file for (name, size, seed), generating it on first use. The md5 lives in a
 * sidecar written after the data file is complete, so an interrupted run never leaves a file that
 * looks valid.
 */
export async function ensureFirmwareFile(dir: string, name: string, size: number, seed: string): Promise<GeneratedFile> {
  await mkdir(dir, { recursive: true });
  const base = join(dir, cacheName(name, size, seed));
  const dataPath = `${base}.bin`;
  const md5Path = `${base}.md5`;
  try {
    const [info, md5] = await Promise.all([stat(dataPath), readFile(md5Path, 'utf8')]);
    if (info.size === size && /^[0-9a-f]{32}$/.test(md5.trim())) return { path: dataPath, size, md5: md5.trim() };
  } catch {
    // not cached yet
  }
  const tmp = `${base}.${process.pid}.tmp`;
  const hash = createHash('md5');
  try {
    await pipeline(
      Readable.from(keystream(seed, size)),
      async function* (source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          hash.update(chunk);
          yield chunk;
        }
      },
      createWriteStream(tmp),
    );
    await rename(tmp, dataPath);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  const md5 = hash.digest('hex');
  await writeFile(md5Path, md5);
  return { path: dataPath, size, md5 };
}
