import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhook } from './targets.worker.js';

/** What the flaky target does with one request. */
export type Behaviour = 'ok' | '503' | '400' | { readonly hangMs: number };

export interface ReceivedRequest {
  readonly messageId: string;
  readonly tag: string;
  readonly version: number;
  readonly replaces: string | null;
  readonly behaviour: string;
  readonly at: number;
}

/**
 * A practice endpoint for tests: checks the Standard Webhooks signature, applies each message's
 * effect once per message id (as a real receiver de-duplicates), and misbehaves on request:
 * 503s, 400s, or hanging past the sender's timeout after applying the effect (so the sender
 * never sees the acknowledgement and sends again: a duplicate acknowledgement follows).
 * Behaviours are planned per tag: the term (or note text) of the entry.
 */
export class FlakyTarget {
  readonly requests: ReceivedRequest[] = [];
  /** Effects applied, in order: one per message id. */
  readonly effects: { messageId: string; tag: string; version: number; kind: string }[] = [];
  badSignatures = 0;
  private readonly plans = new Map<string, Behaviour[]>();
  private readonly server: Server;
  private port = 0;

  constructor(readonly secret: string) {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => void this.handle(Buffer.concat(chunks).toString('utf8'), req.headers, res));
    });
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/write-back`;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  plan(tag: string, ...behaviours: Behaviour[]): void {
    this.plans.set(tag, [...behaviours]);
  }

  requestsFor(tag: string): ReceivedRequest[] {
    return this.requests.filter((r) => r.tag === tag);
  }

  effectsFor(tag: string): FlakyTarget['effects'] {
    return this.effects.filter((e) => e.tag === tag);
  }

  private async handle(
    body: string,
    headers: Record<string, string | string[] | undefined>,
    res: ServerResponse,
  ): Promise<void> {
    const id = String(headers['webhook-id'] ?? '');
    const timestamp = Number(headers['webhook-timestamp'] ?? 0);
    const signature = String(headers['webhook-signature'] ?? '');
    if (!verifyWebhook(this.secret, id, timestamp, body, signature)) {
      this.badSignatures += 1;
      res.writeHead(401).end();
      return;
    }
    const message = JSON.parse(body) as {
      messageId: string;
      version: number;
      replaces: string | null;
      type: string;
      entry: { term?: string; text?: string };
    };
    const tag = message.entry.term ?? message.entry.text ?? '';
    const behaviour = this.plans.get(tag)?.shift() ?? 'ok';
    this.requests.push({
      messageId: id,
      tag,
      version: message.version,
      replaces: message.replaces,
      behaviour: typeof behaviour === 'string' ? behaviour : 'hang',
      at: Date.now(),
    });
    const apply = (): void => {
      if (!this.effects.some((e) => e.messageId === id)) {
        this.effects.push({ messageId: id, tag, version: message.version, kind: message.type });
      }
    };
    if (behaviour === '503') return void res.writeHead(503).end();
    if (behaviour === '400') return void res.writeHead(400).end();
    apply();
    if (typeof behaviour === 'object') await new Promise((resolve) => setTimeout(resolve, behaviour.hangMs));
    if (!res.destroyed) res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  }
}
