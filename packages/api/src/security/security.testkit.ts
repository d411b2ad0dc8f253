import WebSocket from 'ws';

/** What a raw graphql-ws exchange produced: the messages for the operation, or how the socket closed. */
export interface WsOutcome {
  readonly messages: { type: string; id?: string; payload?: unknown }[];
  readonly closeCode: number | null;
}

/**
 * A raw graphql-ws socket (no client library: the test controls every frame). `connect` resolves
 * on `connection_ack` or on close; `request` subscribes and resolves on the first
 * next/error/complete of that id or on close.
 */
export class RawSocket {
  readonly messages: { type: string; id?: string; payload?: unknown }[] = [];
  closeCode: number | null = null;
  private readonly socket: WebSocket;
  private waiters: (() => void)[] = [];

  constructor(url: string, headers: Record<string, string> = {}) {
    this.socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws', { headers });
    this.socket.on('message', (data) => {
      this.messages.push(JSON.parse((data as Buffer).toString('utf8')) as { type: string });
      this.wake();
    });
    this.socket.on('close', (code) => {
      this.closeCode = code;
      this.wake();
    });
    this.socket.on('error', () => this.wake());
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  private async until(done: () => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (Date.now() > deadline)
        throw new Error(`timed out; got ${JSON.stringify(this.messages)} close ${this.closeCode}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  async connect(payload: Record<string, unknown> = {}): Promise<boolean> {
    await this.until(() => this.socket.readyState !== WebSocket.CONNECTING);
    if (this.socket.readyState !== WebSocket.OPEN) {
      await this.closed();
      return false;
    }
    this.socket.send(JSON.stringify({ type: 'connection_init', payload }));
    await this.until(() => this.closeCode !== null || this.messages.some((m) => m.type === 'connection_ack'));
    return this.closeCode === null;
  }

  send(raw: string): void {
    this.socket.send(raw);
  }

  async request(id: string, query: string, variables?: Record<string, unknown>): Promise<WsOutcome> {
    this.socket.send(JSON.stringify({ type: 'subscribe', id, payload: { query, variables } }));
    await this.until(() => this.closeCode !== null || this.messages.some((m) => m.id === id));
    return { messages: this.messages.filter((m) => m.id === id), closeCode: this.closeCode };
  }

  async closed(): Promise<number | null> {
    await this.until(() => this.closeCode !== null);
    return this.closeCode;
  }

  close(): void {
    this.socket.close();
  }
}

/** `query { ...F0 }` where each fragment spreads the next twice: 2^levels spreads in all, about 1 KB. */
export function doubledSpreads(levels: number): string {
  const fragments = Array.from({ length: levels }, (_, i) =>
    i === levels - 1
      ? `fragment F${i} on Query { viewer { id } }`
      : `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
  );
  return `query { ...F0 } ${fragments.join(' ')}`;
}

/** The error codes of a graphql-ws `error` or `next` message. */
export function wsCodes(outcome: WsOutcome): string[] {
  const codes: string[] = [];
  for (const m of outcome.messages) {
    type Coded = { extensions?: { code?: string } };
    const errors =
      m.type === 'error' ? (m.payload as Coded[]) : ((m.payload as { errors?: Coded[] } | undefined)?.errors ?? []);
    for (const e of errors) codes.push(e.extensions?.code ?? 'NONE');
  }
  return codes;
}
