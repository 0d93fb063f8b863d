import { Aedes } from 'aedes';
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { createServer, type Server as NetServer } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, createWebSocketStream } from 'ws';

export interface RunningBroker {
  aedes: Aedes;
  /** The TCP port actually listening (differs from the requested one when that was busy). */
  tcpPort: number;
  /** Set when the requested TCP port was taken and another was chosen. */
  tcpFallbackFrom: number | null;
  close(): Promise<void>;
}

function listen(server: NetServer, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/**
 * Embedded aedes broker: MQTT over WebSocket at wsPath on the given HTTP server, plus MQTT over
 * TCP. When the TCP port is busy (another broker on 1883 is common), a free port is used instead
 * and reported, because the simulated fleet needs TCP and the page only needs WebSocket.
 */
export async function startBroker(options: {
  httpServer: HttpServer;
  wsPath: string;
  tcpPort: number;
  host: string;
}): Promise<RunningBroker> {
  const aedes = await Aedes.createBroker();
  const wss = new WebSocketServer({ noServer: true });
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (pathname !== options.wsPath) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const stream = createWebSocketStream(ws);
      stream.on('error', () => ws.terminate());
      aedes.handle(stream, req);
    });
  };
  options.httpServer.on('upgrade', onUpgrade);

  const tcp = createServer(aedes.handle);
  let tcpPort: number;
  let tcpFallbackFrom: number | null = null;
  try {
    tcpPort = await listen(tcp, options.tcpPort, options.host);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    tcpFallbackFrom = options.tcpPort;
    tcpPort = await listen(tcp, 0, options.host);
  }

  return {
    aedes,
    tcpPort,
    tcpFallbackFrom,
    close: async () => {
      options.httpServer.off('upgrade', onUpgrade);
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => aedes.close(() => resolve()));
      await new Promise<void>((resolve) => tcp.close(() => resolve()));
    },
  };
}
