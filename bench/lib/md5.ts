import { execFileSync } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator } from 'playwright-core';
import { appUrl } from '../../e2e/support/app-url.ts';

export interface Md5Result {
  fileBytes: number;
  md5sumMBps: number;
  /** From the input's `change` event to "MD5 <hex>" on screen, timed in the page (the budget). */
  consoleMBps: number | null;
  /** The harness's wall time around setInputFiles + waiting for the text: adds Playwright's round trips. */
  consoleWallMBps: number | null;
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

interface PageTiming {
  ms: number;
  md5: string;
}

// Where the page keeps the pending timing between the two evaluate calls.
type TimedWindow = Window & { __benchMd5Timing?: Promise<PageTiming> };

/**
 * Arms a timer in the page: it starts at the input's `change` event (the file is chosen, the tool
 * starts its worker) and stops when a MutationObserver first sees "MD5 <hex>" in the page. This
 * leaves out what is not hashing: Playwright's setInputFiles round trip (55-190 ms measured on this
 * machine) and its polling for the text.
 */
function armPageTimer(input: Locator): Promise<void> {
  return input.evaluate((element) => {
    (window as TimedWindow).__benchMd5Timing = new Promise<PageTiming>((resolve) => {
      element.addEventListener(
        'change',
        () => {
          const start = performance.now();
          // No named function in here: tsx (esbuild keepNames) would wrap it in a __name() call the page does not have.
          const observer = new MutationObserver(() => {
            const md5 = /MD5 ([0-9a-f]{32})/.exec(document.body.textContent ?? '')?.[1];
            if (md5 === undefined) return;
            observer.disconnect();
            resolve({ ms: performance.now() - start, md5 });
          });
          observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        },
        { once: true },
      );
    });
  });
}

/**
 * The console's "Hash a local file" tool (MD5 in a Web Worker) against coreutils md5sum on the
 * same file, both reading from the page cache (md5sum runs first and warms it). md5sum is timed as
 * its whole process run (spawn, open, read, hash, print), the console from file chosen to digest
 * shown (armPageTimer).
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
      await armPageTimer(input);
      const started = performance.now();
      await input.setInputFiles(path);
      const done = page.getByText(/MD5 [0-9a-f]{32}/);
      await done.waitFor({ timeout: 300_000 });
      const wallSeconds = (performance.now() - started) / 1000;
      const shown = /MD5 ([0-9a-f]{32})/.exec((await done.textContent()) ?? '')?.[1] ?? '';
      // The text is on screen, so the page's timer has fired (or never will: then fail, not hang).
      const timing = await page.evaluate(() =>
        Promise.race([(window as TimedWindow).__benchMd5Timing, new Promise<undefined>((r) => setTimeout(r, 5_000))]),
      );
      if (timing === undefined) throw new Error('the page timer did not see the digest');
      const md5sumMBps = bytes / MB / md5sumSeconds;
      const consoleMBps = bytes / MB / (timing.ms / 1000);
      return {
        fileBytes: bytes,
        md5sumMBps,
        consoleMBps,
        consoleWallMBps: bytes / MB / wallSeconds,
        ratio: consoleMBps / md5sumMBps,
        md5Matches: shown === expected && timing.md5 === expected,
      };
    } finally {
      await context.close();
    }
  } finally {
    rmSync(path, { force: true });
  }
}
