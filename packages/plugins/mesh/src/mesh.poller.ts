/**
 * The inbound MESH poller (ingest loop of docs/domain/national-interfaces.md#mesh-polling-and-acknowledgement):
 * list -> download -> persist durably ->
 * acknowledge -> parse -> submit. Acknowledgement happens only after the store has the raw
 * message, and the store remembers what was processed, so a crash at any point leads to each
 * message being processed exactly once: re-delivered messages are recognised by MESH message id,
 * persisted-but-unfinished ones are resumed from the store, and the submit idempotency key is the
 * MESH message id. One bad message never stops the poll.
 */
import { backoffDelay } from '@pcn-hub/sdk/client';
import { parseItkResponse } from './itk.response.js';
import { isMeshError } from './mesh.errors.js';
import { SubmissionRejectedError } from './mesh.inbound.types.js';
import type {
  InboundMessage,
  InboundOutcome,
  MeshLogger,
  MeshPollerOptions,
  PollSummary,
} from './mesh.inbound.types.js';
import { parseMeshReport } from './mesh.response.js';
import type { MeshDownloadedMessage } from './mesh.types.js';
import { parseInboundOnlineConsultation } from './oc.parse.js';

/** Default time between polls: MESH asks for at most one poll every 5 minutes unless messages wait. */
export const DEFAULT_POLL_INTERVAL_MS = 5 * 60 * 1000;

const noLog: MeshLogger = () => undefined;

function errorCode(err: unknown): string {
  if (isMeshError(err)) return err.code;
  if (!(err instanceof Error)) return 'UNKNOWN';
  // Typed errors of stores and submitters (e.g. the hub's PAYLOAD_TOO_LARGE) carry a code.
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' ? `${err.name}:${code}` : err.name;
}

/** Polls one MESH mailbox and feeds the hub's online consultation ingest. */
export class MeshPoller {
  private readonly intervalMs: number;
  private readonly log: MeshLogger;
  private readonly clock: () => Date;
  private readonly attempts = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<PollSummary> | undefined;
  private loopDone: Promise<void> | undefined;
  private stopped = true;
  private consecutiveFailures = 0;

  constructor(private readonly o: MeshPollerOptions) {
    this.intervalMs = o.intervalMs ?? DEFAULT_POLL_INTERVAL_MS;
    this.log = o.logger ?? noLog;
    this.clock = o.clock ?? (() => new Date());
  }

  /** Starts polling now and then every interval (sooner after a failed poll, with backoff). */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops polling and waits for a poll in progress to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.loopDone;
  }

  /** One poll: resume unfinished messages from the store, then drain the inbox. Never runs twice at once. */
  pollOnce(): Promise<PollSummary> {
    this.current ??= this.poll().finally(() => {
      this.current = undefined;
    });
    return this.current;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.loopDone = this.tick();
    }, delayMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    let delay = this.intervalMs;
    try {
      await this.pollOnce();
      this.consecutiveFailures = 0;
    } catch (err) {
      // Listing failed (MESH down, auth): retry sooner, backing off exponentially up to the interval.
      this.consecutiveFailures++;
      const base = this.o.retryBaseMs ?? 1000;
      delay = backoffDelay(this.consecutiveFailures, { baseMs: base, maxMs: this.intervalMs, jitter: false });
      this.log('error', 'mesh.poll.failed', {
        mailboxId: this.o.client.mailboxId,
        code: errorCode(err),
        retryInMs: delay,
      });
    }
    if (!this.stopped) this.schedule(delay);
  }

  private async poll(): Promise<PollSummary> {
    const s: PollSummary = {
      listed: 0,
      processed: 0,
      duplicates: 0,
      parseFailures: 0,
      downloadFailures: 0,
      pending: 0,
      storeFailures: 0,
      recovered: 0,
    };
    for (const message of await this.o.store.pending()) {
      s.recovered++;
      await this.complete(message, s);
    }
    await this.o.client.drain(
      async (id) => {
        s.listed++;
        await this.handle(id, s);
      },
      { maxResults: this.o.pageSize ?? 500 },
    );
    this.log('info', 'mesh.poll.done', { mailboxId: this.o.client.mailboxId, ...s });
    return s;
  }

  /** Download, persist, acknowledge, then process one listed message. Never throws. */
  private async handle(meshMessageId: string, s: PollSummary): Promise<void> {
    const max = this.o.maxDownloadAttempts ?? 3;
    if ((this.attempts.get(meshMessageId) ?? 0) >= max) return;
    let downloaded: MeshDownloadedMessage;
    try {
      downloaded = await this.o.client.download(meshMessageId);
    } catch (err) {
      s.downloadFailures++;
      const retryable = isMeshError(err) ? err.retryable : false;
      // Transient failures are retried next poll without limit; bad data counts towards giving up.
      const attempt = (this.attempts.get(meshMessageId) ?? 0) + (retryable ? 0 : 1);
      if (!retryable) this.attempts.set(meshMessageId, attempt);
      const code = isMeshError(err) ? err.code : 'PROTOCOL';
      this.log('warn', 'mesh.download.failed', { meshMessageId, code, retryable, attempt });
      await this.o.store.recordDownloadFailure?.({ meshMessageId, code, retryable, attempt }).catch(() => undefined);
      return;
    }
    const message = this.toInbound(downloaded, meshMessageId);
    let alreadyProcessed: boolean;
    try {
      ({ alreadyProcessed } = await this.o.store.persist(message));
    } catch (err) {
      s.storeFailures++;
      this.log('error', 'mesh.persist.failed', { meshMessageId, code: errorCode(err) });
      return;
    }
    try {
      await this.o.client.acknowledge(meshMessageId);
    } catch (err) {
      // Persisted already: a failed acknowledgement only means MESH lists it again, and the
      // store then answers alreadyProcessed.
      this.log('warn', 'mesh.acknowledge.failed', { meshMessageId, code: errorCode(err) });
    }
    if (alreadyProcessed) {
      s.duplicates++;
      this.log('info', 'mesh.message.duplicate', { meshMessageId });
      return;
    }
    await this.complete(message, s);
  }

  /** Processes a persisted message and records the outcome; a failure leaves it pending. */
  private async complete(message: InboundMessage, s: PollSummary): Promise<void> {
    const meshMessageId = message.meshMessageId;
    try {
      const outcome = await this.process(message);
      await this.o.store.markProcessed(meshMessageId, outcome);
      s.processed++;
      if (outcome.kind === 'PARSE_FAILED') {
        s.parseFailures++;
        this.log('warn', 'mesh.message.unparseable', {
          meshMessageId,
          workflowId: message.workflowId,
          code: outcome.failure.code,
          reason: outcome.failure.reason,
        });
      } else {
        this.log('info', 'mesh.message.processed', { meshMessageId, kind: outcome.kind });
      }
    } catch (err) {
      s.pending++;
      this.log('error', 'mesh.message.processing.failed', { meshMessageId, code: errorCode(err) });
    }
  }

  private async process(message: InboundMessage): Promise<InboundOutcome> {
    if (message.messageType === 'REPORT') {
      const report = parseMeshReport(message.headers);
      await this.o.onReport?.(report, message);
      return { kind: 'REPORT', report };
    }
    if (message.workflowId?.toUpperCase().endsWith('_ACK')) {
      const parsed = parseItkResponse(message.body);
      if (!parsed.ok) {
        return {
          kind: 'PARSE_FAILED',
          failure: { code: 'UNKNOWN_FORMAT', reason: `ITK3 response: ${parsed.failure.reason}`, format: undefined },
        };
      }
      await this.o.onItkResponse?.(parsed.response, message);
      return { kind: 'ITK_RESPONSE', response: parsed.response };
    }
    const workflows = this.o.workflowIds?.map((w) => w.toUpperCase());
    if (workflows && !workflows.includes(message.workflowId?.toUpperCase() ?? '')) {
      const reason = `workflow ${message.workflowId ?? '(none)'} is not an online consultation workflow of this mailbox`;
      return { kind: 'PARSE_FAILED', failure: { code: 'UNKNOWN_WORKFLOW', reason, format: undefined } };
    }
    const parsed = parseInboundOnlineConsultation(message.body, message.headers, this.o.parseOptions?.(message));
    if (!parsed.ok) return { kind: 'PARSE_FAILED', failure: parsed.failure };
    let result: unknown;
    try {
      result = await this.o.submit(parsed.input, message.meshMessageId, parsed.files);
    } catch (err) {
      if (!(err instanceof SubmissionRejectedError)) throw err;
      return { kind: 'PARSE_FAILED', failure: { code: 'REJECTED', reason: err.message, format: parsed.format } };
    }
    return { kind: 'SUBMITTED', format: parsed.format, supplierReference: parsed.input.supplierReference, result };
  }

  private toInbound(d: MeshDownloadedMessage, meshMessageId: string): InboundMessage {
    return {
      // The listed id, the one acknowledged, is the key (not a header the server may vary).
      meshMessageId,
      mailboxId: this.o.client.mailboxId,
      messageType: d.messageType,
      workflowId: d.headers['mex-workflowid'],
      headers: d.headers,
      body: d.body,
      chunkCount: d.chunkCount,
      receivedAt: this.clock(),
    };
  }
}
