import { createServer, connect, type Server, type Socket } from 'node:net';

export interface TcpProxy {
  /** The loopback port the page connects to instead of the broker's. */
  readonly port: number;
  /** Connections carried since start (a reconnecting page opens a new one each time). */
  readonly connectionsAccepted: number;
  /**
   * Drops every open connection at once (both ends see a reset) and refuses new ones until
   * restore(): a network cut, as far as the page and the broker can tell.
   */
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

/**
 * A TCP relay on a free loopback port to `targetPort`. A cut is the port refusing connections, not
 * a closed listener: closing would free the port for another process on this shared machine.
 */
export async function startTcpProxy(targetPort: number, targetHost = '127.0.0.1'): Promise<TcpProxy> {
  const open = new Set<Socket>();
  let cut = false;
  let accepted = 0;

  const track = (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  };

  const server: Server = createServer((client) => {
    if (cut) {
      client.resetAndDestroy();
      return;
    }
    accepted += 1;
    const upstream = connect({ port: targetPort, host: targetHost });
    track(client);
    track(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop);
    upstream.on('error', drop);
    client.on('close', drop);
    upstream.on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('proxy has no TCP address');

  return {
    port: address.port,
    get connectionsAccepted() {
      return accepted;
    },
    cut() {
      cut = true;
      for (const socket of open) socket.resetAndDestroy();
      open.clear();
    },
    restore() {
      cut = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
