import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  verifyWebhook,
  WebhookVerificationError,
  type PluginWebhookEvent,
  type WebhookFailureReason,
  type WebhookHeaders,
} from '@pcn-hub/sdk/plugin';

/** A write-back outcome the pharmacy cares about: the practice has the entry, or it was given up. */
export interface WriteBackNotice {
  /** The event id; a redelivery repeats it. */
  readonly eventId: string;
  readonly type: 'WRITE_BACK_DELIVERED' | 'WRITE_BACK_DEAD';
  readonly occurredAt: string;
  /** The registered practice the entry was written back to (the organisation the event belongs to). */
  readonly practiceOdsCode: string;
  /** The write-back message id: matches `messageId` of an entry in `writeBackStatus`. */
  readonly messageId: string | null;
  /** The verified event as the hub sent it (ids and codes only). */
  readonly event: PluginWebhookEvent;
}

/** Options of {@link createWriteBackWebhookHandler}. */
export interface WriteBackWebhookHandlerOptions {
  /** The signing secret(s); a function is read per request (secrets arrive after registration, rotate). */
  readonly secrets: string | readonly string[] | (() => string | readonly string[]);
  /** The entry is in the practice record. */
  readonly onDelivered?: (notice: WriteBackNotice) => void | Promise<void>;
  /** The hub gave up delivering the entry (dead letter): tell someone; a hub manager can redrive it. */
  readonly onDead?: (notice: WriteBackNotice) => void | Promise<void>;
  /** Timestamp tolerance, default 300 s. */
  readonly toleranceSeconds?: number;
  /** The current time (tests); default now. */
  readonly now?: () => Date;
}

/** What the handler did with one request, and the HTTP status to answer. */
export interface WebhookHandling {
  /**
   * 204 handled, ignored or a duplicate; 400/401 refused (not a genuine, fresh event from the hub);
   * 500 a callback failed or no secret is usable (the hub redelivers later).
   */
  readonly status: 204 | 400 | 401 | 500;
  readonly outcome: 'HANDLED' | 'IGNORED' | 'DUPLICATE' | 'REJECTED' | 'CALLBACK_FAILED' | 'MISCONFIGURED';
  /** Why it was refused. */
  readonly reason?: WebhookFailureReason;
}

/** A webhook endpoint for write-back events. */
export interface WriteBackWebhookHandler {
  /** Verifies and routes one request; never throws. */
  handle(headers: WebhookHeaders, body: string | Uint8Array): Promise<WebhookHandling>;
  /** The same as a Node `http` request listener: `createServer(handler.listener)`. */
  readonly listener: (req: IncomingMessage, res: ServerResponse) => void;
}

const MAX_BODY_BYTES = 1024 * 1024;
/** Event ids remembered for de-duplication of redeliveries (the hub retries until it gets a 2xx). */
const REMEMBERED = 1000;

/**
 * A webhook handler for the plugin's `write-back.*` events: verifies each request with
 * `verifyWebhook` (a bad signature, a stale or replayed timestamp, a body that is not an event is
 * refused before any callback runs), routes `WRITE_BACK_DELIVERED` and `WRITE_BACK_DEAD` to the
 * callbacks, ignores other types, and calls back once per event id.
 */
export function createWriteBackWebhookHandler(options: WriteBackWebhookHandlerOptions): WriteBackWebhookHandler {
  const seen = new Set<string>();
  const remember = (id: string): void => {
    seen.add(id);
    // A Set iterates in insertion order: the first is the oldest.
    if (seen.size > REMEMBERED) seen.delete(seen.values().next().value!);
  };

  async function handle(headers: WebhookHeaders, body: string | Uint8Array): Promise<WebhookHandling> {
    let event: PluginWebhookEvent;
    try {
      const secrets = typeof options.secrets === 'function' ? options.secrets() : options.secrets;
      event = verifyWebhook(headers, body, secrets, {
        ...(options.toleranceSeconds !== undefined ? { toleranceSeconds: options.toleranceSeconds } : {}),
        ...(options.now ? { now: options.now() } : {}),
      });
    } catch (error) {
      if (error instanceof WebhookVerificationError) {
        return { status: error.reason === 'MALFORMED_BODY' ? 400 : 401, outcome: 'REJECTED', reason: error.reason };
      }
      // No usable secret configured: never accept unverified; a 5xx makes the hub deliver it again later.
      return { status: 500, outcome: 'MISCONFIGURED' };
    }
    if (seen.has(event.id)) return { status: 204, outcome: 'DUPLICATE' };
    const type =
      event.type === 'write-back.WRITE_BACK_DELIVERED'
        ? 'WRITE_BACK_DELIVERED'
        : event.type === 'write-back.WRITE_BACK_DEAD'
          ? 'WRITE_BACK_DEAD'
          : null;
    const callback =
      type === 'WRITE_BACK_DELIVERED' ? options.onDelivered : type === 'WRITE_BACK_DEAD' ? options.onDead : undefined;
    if (!type || !callback) {
      remember(event.id);
      return { status: 204, outcome: 'IGNORED' };
    }
    const messageId = event.data.messageId;
    try {
      await callback({
        eventId: event.id,
        type,
        occurredAt: event.occurredAt,
        practiceOdsCode: event.organisation.odsCode,
        messageId: typeof messageId === 'string' ? messageId : null,
        event,
      });
    } catch {
      // Not remembered: the hub redelivers the same event and the callback gets another go.
      return { status: 500, outcome: 'CALLBACK_FAILED' };
    }
    remember(event.id);
    return { status: 204, outcome: 'HANDLED' };
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
