import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  verifyWebhook,
  WebhookVerificationError,
  type PluginWebhookEvent,
  type WebhookFailureReason,
  type WebhookHeaders,
} from './plugin.webhooks.js';

/** What a forwarding handler's sender answers for one event: `RETRY` asks the hub to send it again. */
export interface ForwardResult {
  readonly kind: string;
}

/** Options of {@link createForwardingWebhookHandler}. */
export interface ForwardingWebhookOptions<R extends ForwardResult> {
  /** The signing secret(s); a function is read per request (secrets arrive after registration, rotate). */
  readonly secrets: string | readonly string[] | (() => string | readonly string[]);
  /** Does the plugin's work for one verified event (send the message, report back to the hub). */
  readonly sender: { handle(event: PluginWebhookEvent): Promise<R> };
  /** Told what happened to each verified event (ids and codes only): for the deployment's own logs. */
  readonly onResult?: (event: PluginWebhookEvent, result: R | { kind: 'FAILED'; error: string }) => void;
  /** Timestamp tolerance, default 300 s. */
  readonly toleranceSeconds?: number;
}

/** What the handler did with one request, and the HTTP status to answer. */
export interface ForwardingWebhookHandling<R extends ForwardResult> {
  /**
   * 204 handled (the sender's own outcome); 503 the sender answered RETRY (a transient failure
   * downstream: the hub redelivers with backoff); 500 the sender threw, e.g. the hub could not be
   * read or told (it redelivers too); 400/401 not a genuine, fresh event from the hub.
   */
  readonly status: 204 | 400 | 401 | 500 | 503;
  readonly outcome: Exclude<R['kind'], 'RETRY'> | 'RETRY' | 'DUPLICATE' | 'REJECTED' | 'FAILED' | 'MISCONFIGURED';
  readonly reason?: WebhookFailureReason;
}

/** A webhook endpoint that forwards the hub's events to a sender. */
export interface ForwardingWebhookHandler<R extends ForwardResult> {
  /** Verifies and handles one request; never throws. */
  handle(headers: WebhookHeaders, body: string | Uint8Array): Promise<ForwardingWebhookHandling<R>>;
  /** The same as a Node `http` request listener: `createServer(handler.listener)`. */
  readonly listener: (req: IncomingMessage, res: ServerResponse) => void;
}

const MAX_BODY_BYTES = 256 * 1024;
const REMEMBERED = 1000;

/**
 * The webhook endpoint of a plugin that forwards the hub's events to another service (EPS, an SMS
 * gateway): verifies each request (Standard Webhooks), hands each event to the sender once per
 * event id, and answers so that the hub's delivery queue does the retrying: a transient failure
 * downstream or a failure to reach the hub is a 5xx, and the hub sends the same event again with
 * backoff until the delivery is DEAD.
 */
export function createForwardingWebhookHandler<R extends ForwardResult>(
  options: ForwardingWebhookOptions<R>,
): ForwardingWebhookHandler<R> {
  const done = new Set<string>();
  const remember = (id: string): void => {
    done.add(id);
    if (done.size > REMEMBERED) done.delete(done.values().next().value!);
  };

  async function handle(headers: WebhookHeaders, body: string | Uint8Array): Promise<ForwardingWebhookHandling<R>> {
    let event: PluginWebhookEvent;
    try {
      const secrets = typeof options.secrets === 'function' ? options.secrets() : options.secrets;
      event = verifyWebhook(headers, body, secrets, {
        ...(options.toleranceSeconds !== undefined ? { toleranceSeconds: options.toleranceSeconds } : {}),
      });
    } catch (error) {
      if (error instanceof WebhookVerificationError) {
        return { status: error.reason === 'MALFORMED_BODY' ? 400 : 401, outcome: 'REJECTED', reason: error.reason };
      }
      return { status: 500, outcome: 'MISCONFIGURED' };
    }
    if (done.has(event.id)) return { status: 204, outcome: 'DUPLICATE' };
    let result: R;
    try {
      result = await options.sender.handle(event);
    } catch (error) {
      // Only the error's name: a message could quote what the hub or the service downstream sent.
      options.onResult?.(event, { kind: 'FAILED', error: error instanceof Error ? error.name : 'error' });
      return { status: 500, outcome: 'FAILED' };
    }
    options.onResult?.(event, result);
    if (result.kind === 'RETRY') return { status: 503, outcome: 'RETRY' };
    remember(event.id);
    return { status: 204, outcome: result.kind as Exclude<R['kind'], 'RETRY'> };
  }

  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => {
      if (tooLarge) {
        res.writeHead(413).end();
        return;
      }
      void handle(req.headers, Buffer.concat(chunks)).then((handling) => res.writeHead(handling.status).end());
    });
  };

  return { handle, listener };
}
