import { createServer, request, type Server } from 'node:http';

export interface HeaderProxy {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * An HTTP front for another server on a free loopback port that adds response headers, as a web
 * server in front of the static build would (e.g. the nginx of docs/operations.md with its CSP
 * header).
 * A real server, not page.route: Chromium treats an intercepted document as not loopback and its
 * local-network checks then block the page's WebSocket to the loopback broker.
 */
export async function startHeaderProxy(target: string, headers: Readonly<Record<string, string>>): Promise<HeaderProxy> {
  const upstream = new URL(target);
  const server: Server = createServer((req, res) => {
    const forward = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, ...headers });
        answer.pipe(res);
      },
    );
    forward.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('header proxy has no TCP address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
