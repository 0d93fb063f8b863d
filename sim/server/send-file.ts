import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { parseRange } from './range.ts';

/** GET or HEAD of a file on disk with Content-Length and single-range support. */
export async function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: { path: string; size: number; contentType: string; cacheControl?: string },
): Promise<void> {
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Accept-Ranges', 'bytes');
  res.setHeader('Cache-Control', file.cacheControl ?? 'no-cache');
  const range = parseRange(req.headers.range, file.size);
  if (range.kind === 'unsatisfiable') {
    res.writeHead(416, { 'Content-Range': `bytes */${file.size}` });
    res.end();
    return;
  }
  const start = range.kind === 'partial' ? range.start : 0;
  const end = range.kind === 'partial' ? range.end : file.size - 1;
  const length = file.size === 0 ? 0 : end - start + 1;
  res.setHeader('Content-Length', String(length));
  if (range.kind === 'partial') {
    res.statusCode = 206;
    res.setHeader('Content-Range', `bytes ${start}-${end}/${file.size}`);
  } else {
    res.statusCode = 200;
  }
  if (req.method === 'HEAD' || length === 0) {
    res.end();
    return;
  }
  try {
    await pipeline(createReadStream(file.path, { start, end }), res);
  } catch {
    // The client went away mid-download (a dock aborting, a browser cancelling): nothing to do.
  }
}
