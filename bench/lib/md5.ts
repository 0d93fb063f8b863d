import { execFileSync } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { appUrl } from '../../e2e/support/app-url.ts';

export interface Md5Result {
  fileBytes: number;
  md5sumMBps: number;
  consoleMBps: number | null;
  /** console / md5sum; the budget is >= 0.5. */
  ratio: number | null;
  md5Matches: boolean;
  note?: string;
}

const MB = 1024 * 1024;

function writeRandomFile(path: string, bytes: number): void {
  const chunk = Buffer.alloc(8 * MB);
  const fd = openSync(path, 'w');
  try {
    for (let written = 0; written < bytes; written += chunk.length) {
      randomFillSync(chunk);
      writeSync(fd, chunk, 0, Math.min(chunk.length, bytes - written));
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * The console's "Hash a local file" tool (MD5 in a Web Worker) against coreutils md5sum on the
 * same file, both reading from the page cache (md5sum runs first and warms it).
 */
export async function measureMd5(browser: Browser, appBaseUrl: string, workDir: string, megabytes: number): Promise<Md5Result> {
  const path = join(workDir, 'firmware.bin');
  const bytes = megabytes * MB;
  writeRandomFile(path, bytes);
  try {
    execFileSync('md5sum', [path]);
    const t0 = performance.now();
    const expected = execFileSync('md5sum', [path], { encoding: 'utf8' }).split(' ')[0]!;
    const md5sumSeconds = (performance.now() - t0) / 1000;

    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${appBaseUrl}${appUrl({ broker: 'ws://127.0.0.1:9/mqtt' }, '/firmware')}`);
      const input = page.getByLabel('File to hash');
      await input.waitFor({ timeout: 30_000 });
      const started = performance.now();
      await input.setInputFiles(path);
      const done = page.getByText(/MD5 [0-9a-f]{32}/);
      await done.waitFor({ timeout: 300_000 });
      const seconds = (performance.now() - started) / 1000;
      const shown = /MD5 ([0-9a-f]{32})/.exec((await done.textContent()) ?? '')?.[1] ?? '';
      const md5sumMBps = bytes / MB / md5sumSeconds;
      const consoleMBps = bytes / MB / seconds;
      return { fileBytes: bytes, md5sumMBps, consoleMBps, ratio: consoleMBps / md5sumMBps, md5Matches: shown === expected };
    } finally {
      await context.close();
    }
  } finally {
    rmSync(path, { force: true });
  }
}
