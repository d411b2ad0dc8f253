import http from 'node:http';
import https from 'node:https';
import type { Orm } from '../../../platform/db/orm.js';
import { uuidv7 } from '../../../platform/ids.js';
import type { DeliveryKind, TargetKind } from '../write-back.codes.js';
import { exec } from '../../../platform/db/sql.js';
import { currentTraceparent } from '../../../platform/observability/tracing.js';
import { webhookSigner } from '../../../platform/webhooks/standard-webhooks.js';

/** `traceparent` of the delivery's span, so the receiver can join the trace (nothing when tracing is off). */
function traceHeaders(): Record<string, string> {
  const traceparent = currentTraceparent();
  return traceparent ? { traceparent } : {};
}

/** What a target receives: one version of one entry (or its removal) for one patient. */
export interface WriteBackMessage {
  /** Stable across retries: the receiver de-duplicates on it. */
  readonly messageId: string;
  readonly deliveryId: string;
  readonly recordId: string;
  readonly kind: DeliveryKind;
  readonly version: number;
  readonly replacesMessageId: string | null;
  readonly targetOrganisationId: string;
  readonly patient: { readonly id: string; readonly nhsNumber: string };
  /** Heading, consultation and entry facts, as snapshotted at save. */
  readonly content: Readonly<Record<string, unknown>>;
}

/**
 * How an attempt ended. ACKNOWLEDGED: the target has it. RETRY: not acknowledged (an error
 * status, a timeout, a dropped connection): the outcome is unknown and the same message id is sent
 * again. REJECTED: the target refused it for good (a client error): no retry helps.
 */
export type DeliveryOutcome =
  | { readonly kind: 'ACKNOWLEDGED' }
  | { readonly kind: 'RETRY'; readonly reason: string }
  | { readonly kind: 'REJECTED'; readonly reason: string };

/** A place a practice receives write-back. Implementations must be idempotent on `messageId`. */
export interface WriteBackTarget {
  readonly kind: TargetKind;
  deliver(message: WriteBackMessage, signal: AbortSignal): Promise<DeliveryOutcome>;
}

/**
 * The practice record inside pcn-hub: inserts the message as a practice record entry, once per
 * message id, and archives the entry it replaces.
 */
export class InHubWriteBackTarget implements WriteBackTarget {
  readonly kind = 'IN_HUB' as const;

  constructor(private readonly orm: Orm) {}

  async deliver(message: WriteBackMessage): Promise<DeliveryOutcome> {
    await this.orm.em.fork().transactional(async (em) => {
      const inserted = await exec<{ id: string }>(
        em,
        `insert into practice_record_entry
           (id, message_id, practice_id, patient_id, record_id, kind, version, replaces_message_id, content, received_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, now())
         on conflict (message_id) do nothing
         returning id`,
        [
          uuidv7(),
          message.messageId,
          message.targetOrganisationId,
          message.patient.id,
          message.recordId,
          message.kind,
          message.version,
          message.replacesMessageId,
          JSON.stringify(message.content),
        ],
      );
      if (inserted.length > 0 && message.replacesMessageId) {
        await exec(
          em,
          `update practice_record_entry set superseded_by_message_id = ?
           where message_id = ? and practice_id = ? and superseded_by_message_id is null`,
          [message.messageId, message.replacesMessageId, message.targetOrganisationId],
        );
      }
    });
    return { kind: 'ACKNOWLEDGED' };
  }
}

export {
  isSigningSecret,
  newSigningSecret,
  signWebhook,
  verifyWebhook,
} from '../../../platform/webhooks/standard-webhooks.js';

/** The JSON body an HTTP target receives. */
export function webhookBody(message: WriteBackMessage): string {
  return JSON.stringify({
    type: message.kind === 'REMOVAL' ? 'consultation-entry.removed' : 'consultation-entry',
    messageId: message.messageId,
    recordId: message.recordId,
    version: message.version,
    replaces: message.replacesMessageId,
    patient: { nhsNumber: message.patient.nhsNumber },
    ...message.content,
  });
}

/** Statuses after which a retry can help: timeouts, conflicts, rate limits, server errors. */
const RETRYABLE = new Set([408, 409, 425, 429]);

/** One keep-alive pool per scheme for every HTTP target of this process. */
const AGENTS = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 256 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 256 }),
} as const;

/**
 * A practice's clinical-system endpoint: POSTs the message as JSON signed with Standard Webhooks
 * headers. 2xx acknowledges; a timeout or a dropped connection is "sent, not acknowledged" and is
 * retried with the same `webhook-id`. Uses node:http with keep-alive (cheaper per request than
 * fetch at thousands of deliveries a second).
 */
export class HttpWriteBackTarget implements WriteBackTarget {
  readonly kind = 'HTTP' as const;
  private readonly url: URL;
  private readonly sign: (id: string, timestamp: number, body: string) => string;

  constructor(
    endpointUrl: string,
    signingSecret: string,
    private readonly timeoutMs: number,
  ) {
    this.url = new URL(endpointUrl);
    this.sign = webhookSigner(signingSecret);
  }

  deliver(message: WriteBackMessage, signal: AbortSignal): Promise<DeliveryOutcome> {
    const body = webhookBody(message);
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = this.sign(message.messageId, timestamp, body);
    const client = this.url.protocol === 'https:' ? https : http;
    return new Promise<DeliveryOutcome>((resolve) => {
      let settled = false;
      const finish = (outcome: DeliveryOutcome): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        resolve(outcome);
      };
      const req = client.request(
        this.url,
        {
          method: 'POST',
          agent: AGENTS[this.url.protocol as 'http:' | 'https:'],
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'webhook-id': message.messageId,
            'webhook-timestamp': String(timestamp),
            'webhook-signature': signature,
            ...traceHeaders(),
          },
        },
        (res) => {
          const status = res.statusCode ?? 0;
          // Drain so the keep-alive connection can be reused.
          res.resume();
          res.on('end', () => {
            if (status >= 200 && status < 300) finish({ kind: 'ACKNOWLEDGED' });
            else if (status >= 500 || RETRYABLE.has(status))
              finish({ kind: 'RETRY', reason: `target answered HTTP ${status}` });
            else finish({ kind: 'REJECTED', reason: `target rejected the message: HTTP ${status}` });
          });
          res.on('error', () =>
            finish({ kind: 'RETRY', reason: 'connection lost before an acknowledgement (outcome unknown)' }),
          );
        },
      );
      const timer = setTimeout(() => {
        finish({ kind: 'RETRY', reason: `no acknowledgement within ${this.timeoutMs} ms (outcome unknown)` });
        req.destroy();
      }, this.timeoutMs);
      const onAbort = (): void => {
        finish({ kind: 'RETRY', reason: 'worker stopped before an acknowledgement (outcome unknown)' });
        req.destroy();
      };
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      req.on('error', (error) =>
        finish({ kind: 'RETRY', reason: `target not reachable: ${error.message.slice(0, 200)}` }),
      );
      req.end(body);
    });
  }
}
