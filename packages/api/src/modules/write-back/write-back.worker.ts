import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Config } from '../../platform/config.js';
import type { Orm } from '../../platform/db/orm.js';
import { isResyncHint, type EventBus } from '../../platform/events/index.js';
import type { Logger } from '../../platform/logger.js';
import { WRITE_BACK_STREAM_PREFIX } from './write-back.codes.js';
import {
  claimDeliveries,
  completeAttempts,
  reapExpiredLeases,
  type AttemptResult,
  type ClaimedDelivery,
} from './write-back.outbox.js';
import {
  HttpWriteBackTarget,
  InHubWriteBackTarget,
  type DeliveryOutcome,
  type WriteBackTarget,
} from './write-back.targets.js';
import { metrics } from '../../platform/observability/metrics.js';
import { contextFrom, inSpan, SpanKind } from '../../platform/observability/tracing.js';
import { hintCommitted } from '../../platform/changes.js';

/** Tunables of a worker (from `Config.writeBack`). */
export type WriteBackWorkerSettings = Config['writeBack'];

export interface WriteBackWorkerOptions {
  readonly orm: Orm;
  readonly bus: EventBus;
  readonly settings: WriteBackWorkerSettings;
  readonly logger: Logger;
  readonly workerId?: string;
  /** Chooses the target of a delivery; default: the practice's configured target (in-hub when none). */
  readonly targetFor?: (delivery: ClaimedDelivery) => WriteBackTarget;
  /**
   * Delay before the first sweep (retaking expired leases, claiming the backlog); 0: at once. The
   * API process sets it so its first requests are not queued behind the sweep's statements (on
   * PGlite they share one connection and one thread). New work still wakes the worker at once.
   */
  readonly firstSweepDelayMs?: number;
}

const FLUSH_BATCH = 500;
/** How long finished attempts wait for company before their outcomes are written (one transaction). */
const FLUSH_LINGER_MS = 4;

/**
 * Delivers the write-back outbox. Claims due deliveries with a lease (FOR UPDATE SKIP LOCKED, so
 * any number of workers can share one PostgreSQL), keeps up to `concurrency` attempts in flight,
 * and records outcomes in batches. It claims up to `concurrency` more than it has slots for (a
 * prefetch buffer, under lease too), so a finished attempt's slot is refilled at once instead of
 * waiting for the next claim's round trip. It wakes on write-back hints (new work commits, or a
 * finished delivery unblocks the next one of the same patient), on its retry timer and on a poll.
 */
export class WriteBackWorker {
  readonly id: string;
  private inflight = 0;
  /** Claimed (leased) but not yet dispatched: refills a slot without a database round trip. */
  private buffer: ClaimedDelivery[] = [];
  private claiming = false;
  private again = false;
  private stopped = false;
  private results: AttemptResult[] = [];
  private flushing: Promise<void> | null = null;
  private readonly abort = new AbortController();
  private readonly timers = new Set<NodeJS.Timeout>();
  private retryTimer: { at: number; timer: NodeJS.Timeout } | null = null;
  private unsubscribe: (() => void) | null = null;
  private readonly inHub: InHubWriteBackTarget;
  private readonly httpTargets = new Map<string, HttpWriteBackTarget>();

  constructor(private readonly options: WriteBackWorkerOptions) {
    this.id = options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    this.inHub = new InHubWriteBackTarget(options.orm);
  }

  start(): this {
    const { settings, bus } = this.options;
    this.unsubscribe = bus.onHint((hint) => {
      if (hint.stream.startsWith(WRITE_BACK_STREAM_PREFIX) || isResyncHint(hint)) this.kick();
    });
    this.every(settings.pollMs, () => this.kick());
    this.every(Math.max(100, Math.min(Math.floor(settings.leaseMs / 2), 5000)), () => void this.reap());
    // A restarted worker retakes what a dead one left at once, not a reaper period later.
    const sweep = (): void => {
      if (this.stopped) return;
      void this.reap();
      this.kick();
    };
    const delay = this.options.firstSweepDelayMs ?? 0;
    if (delay > 0) {
      const timer = setTimeout(sweep, delay);
      timer.unref();
      this.timers.add(timer);
    } else {
      sweep();
    }
    return this;
  }

  /** Stops claiming; waits up to `graceMs` for attempts in flight, then aborts them (outcome unknown). */
  async stop(graceMs = 5000): Promise<void> {
    if (this.stopped) return this.waitIdle();
    this.stopped = true;
    this.unsubscribe?.();
    for (const timer of this.timers) clearInterval(timer);
    if (this.retryTimer) clearTimeout(this.retryTimer.timer);
    const grace = setTimeout(() => this.abort.abort(), graceMs);
    try {
      await this.waitIdle();
    } finally {
      clearTimeout(grace);
    }
  }

  /** Attempts in flight right now (for tests and metrics). */
  get busy(): number {
    return this.inflight;
  }

  private every(ms: number, run: () => void): void {
    const timer = setInterval(run, ms);
    timer.unref();
    this.timers.add(timer);
  }

  private kick(): void {
    if (this.stopped) return;
    if (this.claiming) {
      this.again = true;
      return;
    }
    void this.claimRound();
  }

  private async claimRound(): Promise<void> {
    this.claiming = true;
    try {
      for (;;) {
        this.again = false;
        const { concurrency, leaseMs } = this.options.settings;
        const free = 2 * concurrency - this.inflight - this.buffer.length;
        // Claim in batches: only once the buffer has drained to half the slots (or a slot is free
        // with nothing buffered), so a busy worker claims about C/2 rows per statement, not one.
        const lowWater =
          this.buffer.length <= concurrency / 2 || (this.inflight < concurrency && this.buffer.length === 0);
        if (this.stopped || free <= 0 || !lowWater) break;
        const started = performance.now();
        const { claimed, hints } = await claimDeliveries(this.options.orm.em.fork(), this.id, free, leaseMs);
        hintCommitted(this.options.bus, hints);
        if (claimed.length > 0) {
          this.options.logger.debug(
            { worker: this.id, claimed: claimed.length, ms: Math.round(performance.now() - started) },
            'write-back claim',
          );
        }
        this.buffer.push(...claimed);
        this.pump();
        if (claimed.length < free && !this.wantsMore()) break;
      }
    } catch (error) {
      this.options.logger.error({ err: error, worker: this.id }, 'write-back claim failed');
    } finally {
      this.claiming = false;
    }
  }

  /** A hint arrived while claiming (read through a method: it changes across awaits). */
  private wantsMore(): boolean {
    return this.again;
  }

  /** Starts buffered deliveries while there are free slots. */
  private pump(): void {
    while (this.inflight < this.options.settings.concurrency && this.buffer.length > 0)
      this.dispatch(this.buffer.shift()!);
  }

  private dispatch(delivery: ClaimedDelivery): void {
    this.inflight += 1;
    // Each attempt joins the trace of the change that enqueued it (when tracing is on).
    const attempt = (): Promise<DeliveryOutcome> =>
      inSpan(
        'write-back.deliver',
        {
          kind: SpanKind.PRODUCER,
          parent: contextFrom(delivery.traceParent),
          attributes: { 'pcnhub.delivery.id': delivery.id, 'pcnhub.delivery.attempt': delivery.attempt, 'messaging.message.id': delivery.messageId },
        },
        async (span) => {
          const outcome = await this.attemptOnce(delivery);
          span.setAttribute('pcnhub.delivery.outcome', outcome.kind);
          return outcome;
        },
      );
    void attempt().then((outcome) => {
      this.report(delivery, outcome);
      this.results.push({ delivery, outcome, at: new Date() });
      this.inflight -= 1;
      this.pump();
      this.flush();
      this.kick();
    });
  }

  /** One attempt at the delivery's target; a thrown error is a retry with its reason. */
  private async attemptOnce(delivery: ClaimedDelivery): Promise<DeliveryOutcome> {
    try {
      return await this.targetFor(delivery).deliver(
        {
          messageId: delivery.messageId,
          deliveryId: delivery.id,
          recordId: delivery.recordId,
          kind: delivery.kind,
          version: delivery.version,
          replacesMessageId: delivery.replacesMessageId,
          targetOrganisationId: delivery.targetOrgId,
          patient: { id: delivery.patientId, nhsNumber: delivery.nhsNumber },
          content: delivery.payload,
        },
        this.abort.signal,
      );
    } catch (error) {
      return {
        kind: 'RETRY',
        reason: `target failed: ${error instanceof Error ? error.message.slice(0, 200) : 'unknown error'}`,
      };
    }
  }

  /** One info line and one metric per attempt (ids only); a dead letter is a warning. */
  private report(delivery: ClaimedDelivery, outcome: DeliveryOutcome): void {
    const dead = outcome.kind === 'REJECTED' || (outcome.kind === 'RETRY' && delivery.attempt >= this.options.settings.maxAttempts);
    const label = dead ? 'dead' : outcome.kind.toLowerCase();
    metrics.deliveryAttempts.inc({ queue: 'write_back', outcome: label });
    const line = {
      worker: this.id,
      deliveryId: delivery.id,
      messageId: delivery.messageId,
      entryId: delivery.entryId,
      targetOrganisationId: delivery.targetOrgId,
      attempt: delivery.attempt,
      outcome: label,
      ...(outcome.kind === 'ACKNOWLEDGED' ? {} : { reason: outcome.reason.slice(0, 200) }),
    };
    if (dead) this.options.logger.warn(line, 'write-back dead letter');
    else this.options.logger.info(line, 'write-back attempt');
  }

  private targetFor(delivery: ClaimedDelivery): WriteBackTarget {
    if (this.options.targetFor) return this.options.targetFor(delivery);
    const { kind, endpointUrl, signingSecret } = delivery.target;
    if (kind !== 'HTTP' || !endpointUrl || !signingSecret) return this.inHub;
    const key = `${endpointUrl}\n${signingSecret}`;
    let target = this.httpTargets.get(key);
    if (!target) {
      target = new HttpWriteBackTarget(endpointUrl, signingSecret, this.options.settings.timeoutMs);
      this.httpTargets.set(key, target);
    }
    return target;
  }

  /**
   * Writes finished attempts in batches; one flush at a time. A flush waits a few milliseconds for
   * other attempts to finish, unless a batch's worth is already waiting: one transaction then
   * records many outcomes instead of one.
   */
  private flush(): void {
    if (this.flushing) return;
    this.flushing = (async () => {
      if (this.results.length < this.options.settings.concurrency / 2 && !this.stopped) {
        await new Promise((resolve) => setTimeout(resolve, FLUSH_LINGER_MS));
      }
      while (this.results.length > 0) {
        const batch = this.results.splice(0, FLUSH_BATCH);
        try {
          const started = performance.now();
          const { hints, nextRetryAt } = await completeAttempts(
            this.options.orm.em.fork(),
            this.id,
            batch,
            this.options.settings,
          );
          hintCommitted(this.options.bus, hints);
          this.options.logger.debug(
            { worker: this.id, recorded: batch.length, ms: Math.round(performance.now() - started) },
            'write-back outcomes',
          );
          if (nextRetryAt !== null) this.wakeAt(nextRetryAt);
        } catch (error) {
          // The leases will expire and the messages go again under the same ids: delayed, not lost.
          this.options.logger.error(
            { err: error, worker: this.id, count: batch.length },
            'write-back outcomes not recorded',
          );
        }
      }
    })().finally(() => {
      this.flushing = null;
      if (this.results.length > 0) this.flush();
    });
  }

  private wakeAt(at: number): void {
    if (this.stopped || (this.retryTimer && this.retryTimer.at <= at)) return;
    if (this.retryTimer) clearTimeout(this.retryTimer.timer);
    const timer = setTimeout(
      () => {
        this.retryTimer = null;
        this.kick();
      },
      Math.max(0, at - Date.now()),
    );
    timer.unref();
    this.retryTimer = { at, timer };
  }

  private async reap(): Promise<void> {
    if (this.stopped) return;
    try {
      const hints = await reapExpiredLeases(this.options.orm.em.fork(), this.options.settings.maxAttempts);
      hintCommitted(this.options.bus, hints);
      if (hints.length > 0) this.kick();
    } catch (error) {
      this.options.logger.error({ err: error, worker: this.id }, 'write-back lease reaper failed');
    }
  }

  private waitIdle(): Promise<void> {
    return new Promise((resolve) => {
      const check = (): void => {
        // Buffered deliveries are leased: they are sent too (or, once aborted, fail fast as unknown).
        this.pump();
        if (
          this.inflight === 0 &&
          this.buffer.length === 0 &&
          !this.flushing &&
          !this.claiming &&
          this.results.length === 0
        )
          resolve();
        else setTimeout(check, 5);
      };
      check();
    });
  }
}

/** Starts a worker (the API does unless WRITE_BACK_WORKER=false; `pnpm worker` runs one alone). */
export function startWriteBackWorker(options: WriteBackWorkerOptions): WriteBackWorker {
  return new WriteBackWorker(options).start();
}
