import { createHash } from 'node:crypto';
import { get as httpGet, type IncomingMessage } from 'node:http';
import { get as httpsGet } from 'node:https';
import { setTimeout as sleep } from 'node:timers/promises';
import type { OtaCreateDevice } from '../../src/protocol/messages.ts';
import type { DownloadResult, DownloadedFile } from './dock-machine.ts';

export interface DownloadJob {
  files: OtaCreateDevice[];
  /** Bytes per second for this dock. */
  rate: number;
  /** Called at most every progressEveryMs with bytes over all files. */
  onProgress: (received: number, total: number, rate: number) => void;
  signal: AbortSignal;
}

export type Downloader = (job: DownloadJob) => Promise<DownloadResult>;

const PROGRESS_EVERY_MS = 250;
const IDLE_TIMEOUT_MS = 30_000;

function request(url: string, signal: AbortSignal): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const get = url.startsWith('https:') ? httpsGet : httpGet;
    const req = get(url, { signal, timeout: IDLE_TIMEOUT_MS }, resolve);
    req.on('timeout', () => req.destroy(new Error('download timed out')));
    req.on('error', reject);
  });
}

/**
 * Downloads each file for real, hashing as the bytes arrive and pacing reads to `rate`: a dock on
 * a slow link, so the console sees a download that takes a while. Bytes are hashed, not stored.
 */
export const httpDownloader: Downloader = async (job) => {
  const total = job.files.reduce((n, f) => n + f.file_size, 0);
  const started = Date.now();
  let received = 0;
  let lastReport = 0;
  let lastReportBytes = 0;
  const results: DownloadedFile[] = [];
  try {
    for (const file of job.files) {
      const res = await request(file.file_url, job.signal);
      if (res.statusCode !== 200) {
        res.resume();
        return { ok: false, error: `HTTP ${res.statusCode ?? '?'} for ${file.file_url}` };
      }
      const hash = createHash('md5');
      let size = 0;
      // A server sending more than announced is cut off: verification fails on the size anyway.
      const limit = file.file_size + 1024 * 1024;
      for await (const chunk of res as AsyncIterable<Buffer>) {
        hash.update(chunk);
        size += chunk.length;
        received += chunk.length;
        if (size > limit) {
          res.destroy();
          break;
        }
        const now = Date.now();
        const ahead = (received / job.rate) * 1000 - (now - started);
        if (ahead > 0) await sleep(ahead, undefined, { signal: job.signal });
        const after = Date.now();
        if (after - lastReport >= PROGRESS_EVERY_MS) {
          const rate =
            lastReport === 0
              ? received / Math.max(1, (after - started) / 1000)
              : ((received - lastReportBytes) * 1000) / (after - lastReport);
          job.onProgress(Math.min(received, total), total, rate);
          lastReport = after;
          lastReportBytes = received;
        }
      }
      results.push({ sn: file.sn, md5: hash.digest('hex'), size });
    }
    return { ok: true, files: results };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
};

/**
 * No network: bytes "arrive" at `rate` and the file is taken to match the request. For load runs
 * where hundreds of docks downloading real files would measure the file server, not the console.
 */
export const simulatedDownloader: Downloader = async (job) => {
  const total = job.files.reduce((n, f) => n + f.file_size, 0);
  const started = Date.now();
  try {
    for (;;) {
      await sleep(PROGRESS_EVERY_MS * 2, undefined, { signal: job.signal });
      const received = Math.min(total, ((Date.now() - started) / 1000) * job.rate);
      job.onProgress(Math.floor(received), total, job.rate);
      if (received >= total) break;
    }
    return { ok: true, files: job.files.map((f) => ({ sn: f.sn, md5: f.md5, size: f.file_size })) };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
};
