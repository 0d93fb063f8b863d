import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { mimeType } from './mime.ts';
import { resolveUnder } from './safe-path.ts';
import { sendFile } from './send-file.ts';

export interface HttpAppOptions {
  /** Built app (vite's dist/). */
  distDir: string;
  /** Served at /config.json, taking precedence over any file in distDir. */
  config: unknown;
  /** Served at /firmware/catalog.json. */
  catalog: unknown;
  /** file name -> file on disk, served at /firmware/{name}. */
  firmwareFiles: ReadonlyMap<string, { path: string; size: number }>;
}

function setCors(res: ServerResponse): void {
  // Firmware and catalog are fetched from consoles hosted elsewhere too (npm run dev on :5173).
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', 'Range, Content-Type');
  res.setHeader('Access-Control-Expose-Headers', 'Content-Length, Content-Range, Accept-Ranges, Content-Type');
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function sendJson(req: IncomingMessage, res: ServerResponse, body: unknown): void {
  const text = JSON.stringify(body, null, 2);
  res.writeHead(200, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-cache',
  });
  res.end(req.method === 'HEAD' ? undefined : text);
}

export function createHttpApp(options: HttpAppOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    setCors(res);
    if (req.method === 'OPTIONS') {
      res.writeHead(204);
      res.end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD, OPTIONS');
      sendText(res, 405, 'Method not allowed\n');
      return;
    }
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (pathname === '/config.json') return sendJson(req, res, options.config);
    if (pathname === '/firmware/catalog.json') return sendJson(req, res, options.catalog);
    if (pathname.startsWith('/firmware/')) {
      let name: string;
      try {
        name = decodeURIComponent(pathname.slice('/firmware/'.length));
      } catch {
        return sendText(res, 400, 'Bad path\n');
      }
      const file = options.firmwareFiles.get(name);
      if (!file) return sendText(res, 404, 'No such firmware file\n');
      return sendFile(req, res, { ...file, contentType: 'application/octet-stream' });
    }

    const target = resolveUnder(options.distDir, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    if (!target) return sendText(res, 400, 'Bad path\n');
    const info = await stat(target).catch(() => null);
    if (!info?.isFile()) return sendText(res, 404, 'Not found\n');
    // Vite fingerprints everything under assets/, so those can be cached for good.
    const immutable = pathname.startsWith('/assets/');
    return sendFile(req, res, {
      path: target,
      size: info.size,
      contentType: mimeType(target),
      cacheControl: immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
  };
  return (req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendText(res, 500, 'Internal error\n');
      else res.destroy();
      console.error('[http]', err);
    });
  };
}
