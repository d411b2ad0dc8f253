import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  verifyWebhook,
  WebhookVerificationError,
  type PluginWebhookEvent,
  type WebhookFailureReason,
  type WebhookHeaders,
} from '@pcn-hub/sdk/plugin';
import type { EpsSender, SendResult } from './eps.sender.js';

/** Options of {@link createEpsWebhookHandler}. */
export interface EpsWebhookHandlerOptions {
  /** The signing secret(s); a function is read per request (secrets arrive after registration, rotate). */
  readonly secrets: string | readonly string[] | (() => string | readonly string[]);
  readonly sender: Pick<EpsSender, 'handle'>;
  /** Told what happened to each verified event (ids and codes only): for the deployment's own logs. */
  readonly onResult?: (event: PluginWebhookEvent, result: SendResult | { kind: 'FAILED'; error: string }) => void;
  /** Timestamp tolerance, default 300 s. */
  readonly toleranceSeconds?: number;
}

/** What the handler did with one request, and the HTTP status to answer. */
export interface EpsWebhookHandling {
  /**
   * 204 sent and reported (or nothing to send); 503 EPS failed transiently (reported RETRYING: the
   * hub redelivers with backoff); 500 the hub could not be read or told (it redelivers too);
   * 400/401 not a genuine, fresh event from the hub.
   */
  readonly status: 204 | 400 | 401 | 500 | 503;
  readonly outcome: 'REPORTED' | 'RETRY' | 'IGNORED' | 'DUPLICATE' | 'REJECTED' | 'FAILED' | 'MISCONFIGURED';
  readonly reason?: WebhookFailureReason;
}

/** A webhook endpoint for `eps.*` events. */
export interface EpsWebhookHandler {
  /** Verifies and handles one request; never throws. */
  handle(headers: WebhookHeaders, body: string | Uint8Array): Promise<EpsWebhookHandling>;
  /** The same as a Node `http` request listener: `createServer(handler.listener)`. */
  readonly listener: (req: IncomingMessage, res: ServerResponse) => void;
}

const MAX_BODY_BYTES = 256 * 1024;
const REMEMBERED = 1000;

/**
 * The plugin's webhook endpoint: verifies each request (Standard Webhooks, via the SDK), hands
 * `eps.*` events to the sender once per event id, and answers so that the hub's delivery queue does
 * the retrying: a transient EPS failure or a failure to reach the hub is a 5xx, and the hub sends the
 * same event again with backoff until it is DEAD (which the hub shows as UNDELIVERED).
 */
export function createEpsWebhookHandler(options: EpsWebhookHandlerOptions): EpsWebhookHandler {
  const done = new Set<string>();
  const remember = (id: string): void => {
    done.add(id);
    if (done.size > REMEMBERED) done.delete(done.values().next().value!);
  };

  async function handle(headers: WebhookHeaders, body: string | Uint8Array): Promise<EpsWebhookHandling> {
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
    let result: SendResult;
    try {
      result = await options.sender.handle(event);
    } catch (error) {
      // Only the error's name: a message could quote what the hub or EPS sent.
      options.onResult?.(event, { kind: 'FAILED', error: error instanceof Error ? error.name : 'error' });
      return { status: 500, outcome: 'FAILED' };
    }
    options.onResult?.(event, result);
    if (result.kind === 'RETRY') return { status: 503, outcome: 'RETRY' };
    remember(event.id);
    return { status: 204, outcome: result.kind };
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
