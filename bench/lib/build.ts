import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

export interface InitialSize {
  /** Entry chunk and everything it imports statically: what must load before the first paint. */
  jsFiles: string[];
  jsRawBytes: number;
  jsGzipBytes: number;
  cssGzipBytes: number;
}

/** The production build of the app (the project's own vite.config.ts) into `outDir`. */
export async function buildApp(repoRoot: string, outDir: string): Promise<void> {
  await build({ root: repoRoot, logLevel: 'warn', build: { outDir, emptyOutDir: true, manifest: true } });
}

/** The floor page (bench/floor), bundled by the same Vite from node_modules, nothing of the app. */
export async function buildFloor(floorRoot: string, outDir: string): Promise<void> {
  await build({
    root: floorRoot,
    configFile: false,
    base: './',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, manifest: true, target: 'es2022' },
  });
}

const gzipSize = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;

/** Initial JS of a build, from its manifest: the html entry's chunk plus its static imports, transitively. */
export function initialSize(outDir: string): InitialSize {
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const entries = Object.keys(manifest).filter((key) => manifest[key]!.isEntry && key.endsWith('.html'));
  if (entries.length === 0) throw new Error(`no html entry in ${outDir}/.vite/manifest.json`);
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const next of manifest[key]?.imports ?? []) visit(next);
  };
  entries.forEach(visit);
  const jsFiles = [...seen].map((key) => manifest[key]!.file).filter((file) => file.endsWith('.js'));
  const cssFiles = [...new Set([...seen].flatMap((key) => manifest[key]!.css ?? []))];
  const read = (file: string) => readFileSync(join(outDir, file));
  return {
    jsFiles,
    jsRawBytes: jsFiles.reduce((sum, f) => sum + read(f).length, 0),
    jsGzipBytes: jsFiles.reduce((sum, f) => sum + gzipSize(read(f)), 0),
    cssGzipBytes: cssFiles.reduce((sum, f) => sum + gzipSize(read(f)), 0),
  };
}
