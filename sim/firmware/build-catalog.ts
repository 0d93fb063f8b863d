import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CORRUPT_BUILD, PRODUCT_LINES } from '../products.ts';
import { ensureFirmwareFile } from './generate-file.ts';

export interface CatalogEntry {
  id: string;
  model: string;
  product_name: string;
  product_version: string;
  file_name: string;
  file_url: string;
  file_size: number;
  md5: string;
  release_notes: string;
  released_at: string;
}

export interface FirmwareSet {
  catalog: { firmware: CatalogEntry[] };
  /** file_name -> file on disk, served under /firmware/. */
  files: Map<string, { path: string; size: number }>;
}

export interface FirmwareOptions {
  /** Approximate size of a dock package in MiB (aircraft packages are a little smaller). */
  sizeMb: number;
  seed: string;
  cacheDir?: string;
}

export const DEFAULT_CACHE_DIR = join(tmpdir(), 'ota-console-sim-firmware');

/** Flips the first hex digit so the md5 is well formed but wrong. */
function wrongMd5(md5: string): string {
  const first = md5[0] === 'f' ? '0' : 'f';
  return first + md5.slice(1);
}

export function fileSizeFor(sizeMb: number, factor: number, index: number): number {
  // Odd byte counts so nothing accidentally matches a round number.
  return Math.max(1024, Math.round(sizeMb * factor * 1024 * 1024) + 1 + index * 137);
}

export async function buildFirmwareSet(options: FirmwareOptions): Promise<FirmwareSet> {
  const dir = options.cacheDir ?? DEFAULT_CACHE_DIR;
  const files = new Map<string, { path: string; size: number }>();
  const firmware: CatalogEntry[] = [];

  const generated = await Promise.all(
    PRODUCT_LINES.map((line, index) =>
      ensureFirmwareFile(
        dir,
        `${line.slug}_${line.latestVersion}`,
        fileSizeFor(options.sizeMb, line.sizeFactor, index),
        `${options.seed}:${line.slug}`,
      ),
    ),
  );

  PRODUCT_LINES.forEach((line, index) => {
    const file = generated[index]!;
    const fileName = `${line.slug}_${line.latestVersion}.bin`;
    files.set(fileName, file);
    // Aircraft series share one package (M30 and M30T); the catalog lists it per model key because
    // the console matches firmware to devices by exact model key.
    for (const model of line.models) {
      firmware.push({
        id: `${line.slug}-${line.latestVersion}-${model.key}`,
        model: model.key,
        product_name: model.productName,
        product_version: line.latestVersion,
        file_name: fileName,
        file_url: fileName,
        file_size: file.size,
        md5: file.md5,
        release_notes: line.releaseNotes,
        released_at: line.releasedAt,
      });
    }
  });

  const corruptLineIndex = PRODUCT_LINES.findIndex((line) => line.slug === CORRUPT_BUILD.slug);
  const corruptLine = PRODUCT_LINES[corruptLineIndex]!;
  const corruptSource = generated[corruptLineIndex]!;
  const corruptName = `${CORRUPT_BUILD.slug}_${CORRUPT_BUILD.version}_corrupt.bin`;
  files.set(corruptName, corruptSource);
  firmware.push({
    id: `${CORRUPT_BUILD.slug}-${CORRUPT_BUILD.version}-corrupt`,
    model: corruptLine.models[0]!.key,
    product_name: corruptLine.models[0]!.productName,
    product_version: CORRUPT_BUILD.version,
    file_name: corruptName,
    file_url: corruptName,
    file_size: corruptSource.size,
    md5: wrongMd5(corruptSource.md5),
    release_notes: CORRUPT_BUILD.releaseNotes,
    released_at: CORRUPT_BUILD.releasedAt,
  });

  return { catalog: { firmware }, files };
}
