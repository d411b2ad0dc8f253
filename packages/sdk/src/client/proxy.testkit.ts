import { connect, createServer, type Socket } from 'node:net';

/**
 * A TCP proxy on a random loopback port in front of a test hub, for failures a real network has:
 * an answer lost after the hub acted, a gateway's 429/503, connections cut mid-stream. It relays
 * bytes untouched (HTTP and WebSocket alike) unless told to misbehave.
 */
export interface LoopbackProxy {
  /** `http://127.0.0.1:<port>/graphql` */
  readonly url: string;
  /** `ws://127.0.0.1:<port>/graphql` */
  readonly wsUrl: string;
  /** Raw bytes clients sent, one string per connection (the HTTP requests, for inspection). */
  readonly requests: string[];
  /** The next `count` connections get their request through to the hub, but the answer is cut off. */
  dropResponses(count?: number): void;
  /** The next connection is answered with `raw` (a whole HTTP response) and never reaches the hub. */
  respondWith(raw: string): void;
  /** Cuts every open connection now, as a network failure would. */
  cutAll(): void;
  close(): Promise<void>;
}

/** Starts a proxy to `target` (a hub URL). */
export async function startProxy(target: string): Promise<LoopbackProxy> {
  const upstream = new URL(target);
  const open = new Set<Socket>();
  const requests: string[] = [];
  let drops = 0;
  const canned: string[] = [];

  const server = createServer((client) => {
    open.add(client);
    client.on('close', () => open.delete(client));
    client.on('error', () => client.destroy());
    const index = requests.push('') - 1;
    client.on('data', (chunk: Buffer) => (requests[index] = `${requests[index] ?? ''}${chunk.toString('utf8')}`));

    const answer = canned.shift();
    if (answer !== undefined) {
      client.once('data', () => client.end(answer));
      return;
    }
    const hub = connect(Number(upstream.port), upstream.hostname);
    open.add(hub);
    hub.on('close', () => {
      open.delete(hub);
      client.destroy();
    });
    hub.on('error', () => hub.destroy());
    client.on('close', () => hub.destroy());
    client.pipe(hub);
    if (drops > 0) {
      drops -= 1;
      // The hub has the whole request and acts on it; its answer never arrives.
      hub.once('data', () => {
        client.destroy();
        hub.destroy();
      });
    } else {
      hub.pipe(client);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const base = `127.0.0.1:${port}${upstream.pathname}`;
  return {
    url: `http://${base}`,
    wsUrl: `ws://${base}`,
    requests,
    dropResponses: (count = 1) => void (drops += count),
    respondWith: (raw) => void canned.push(raw),
    cutAll: () => {
      for (const socket of open) socket.destroy();
    },
    close: async () => {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
