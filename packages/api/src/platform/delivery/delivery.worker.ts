import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { StreamHint } from '../events/index.js';
import type { SettledAttempt, Settlement } from './delivery.table.js';
import { claimJobs, finalState, reapExpired, recordOutcomes, reportAttempt } from './delivery.rounds.js';
import type { DeliveryJob, DeliveryQueue, DeliveryWorkerOptions } from './delivery.queue.js';

const FLUSH_BATCH = 500;
/** How long finished attempts wait for company before their outcomes are written (one transaction). */
const FLUSH_LINGER_MS = 4;

/**
 * The one delivery worker of the hub. Claims due rows with a lease (FOR UPDATE SKIP LOCKED, so
 * any number of workers can share one PostgreSQL), keeps up to `concurrency` attempts in flight
 * with as many leased in a buffer (a finished attempt's slot is refilled without a round trip),
 * records outcomes in batches (retry with the one backoff, dead letter after the last attempt),
 * retakes expired leases, and wakes on the queue's hints, on its retry timer and on a poll.
 * `stop(graceMs)` stops claiming and waits for the attempts in flight, aborting them after the grace.
 */
export class DeliveryWorker<J extends DeliveryJob> {
  readonly id: string;
  private inflight = 0;
  private buffer: J[] = [];
  private claiming = false;
  private again = false;
  private fresh = false;
  private stopped = false;
  private results: { job: J; settled: SettledAttempt }[] = [];
  private flushing: Promise<void> | null = null;
  private readonly abort = new AbortController();
  private readonly timers = new Set<NodeJS.Timeout>();
  private retryTimer: { at: number; timer: NodeJS.Timeout } | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly base: DeliveryWorkerOptions,
    private readonly q: DeliveryQueue<J>,
  ) {
    this.id = base.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  }

  start(): this {
    const { settings, bus } = this.base;
    this.unsubscribe = bus.onHint((hint) => {
      if (this.q.wakesOn(hint)) this.wake();
    });
    this.every(settings.pollMs, () => this.wake());
    if (this.q.table.sendingState)
      this.every(Math.max(100, Math.min(Math.floor(settings.leaseMs / 2), 5000)), () => void this.reap());
    // A restarted worker retakes what a dead one left at once, not a reaper period later.
    const sweep = (): void => {
      if (this.stopped) return;
      void this.reap();
      this.wake();
    };
    const delay = this.base.firstSweepDelayMs ?? 0;
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
    for (const timer of this.timers) clearTimeout(timer);
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

  /** New work may be waiting: prepare it and claim. */
  wake(): void {
    this.fresh = true;
    this.kick();
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
        if (this.fresh) {
          this.fresh = false;
          await this.q
            .prepare?.()
            .catch((error: unknown) =>
              this.base.logger.error({ err: error, worker: this.id }, `${this.q.name} prepare failed`),
            );
        }
        const { concurrency, leaseMs } = this.base.settings;
        const free = 2 * concurrency - this.inflight - this.buffer.length;
        // Claim in batches: only once the buffer has drained to half the slots (or a slot is free
        // with nothing buffered), so a busy worker claims about C/2 rows per statement, not one.
        const lowWater =
          this.buffer.length <= concurrency / 2 || (this.inflight < concurrency && this.buffer.length === 0);
        if (this.stopped || free <= 0 || !lowWater) break;
        const started = performance.now();
        const { jobs, hints } = await claimJobs(this.base.orm, this.q, this.id, free, leaseMs);
        this.hint(hints);
        if (jobs.length > 0) {
          this.base.logger.debug(
            { worker: this.id, claimed: jobs.length, ms: Math.round(performance.now() - started) },
            `${this.q.name} claim`,
          );
        }
        this.buffer.push(...jobs);
        this.pump();
        if (jobs.length < free && !this.wantsMore()) break;
      }
    } catch (error) {
      this.base.logger.error({ err: error, worker: this.id }, `${this.q.name} claim failed`);
    } finally {
      this.claiming = false;
      // Woken after the last look: new work may have come in.
      if (this.isFresh()) this.kick();
    }
  }

  /** A hint arrived while claiming (read through a method: it changes across awaits). */
  private wantsMore(): boolean {
    return this.again;
  }

  private isFresh(): boolean {
    return this.fresh;
  }

  /** Starts buffered jobs while there are free slots. */
  private pump(): void {
    while (this.inflight < this.base.settings.concurrency && this.buffer.length > 0)
      this.dispatch(this.buffer.shift()!);
  }

  private dispatch(job: J): void {
    this.inflight += 1;
    void this.q
      .attempt(job, this.abort.signal)
      .catch((error: unknown): Settlement => ({
        kind: 'retry',
        label: 'retry',
        reason: `attempt failed: ${error instanceof Error ? error.message.slice(0, 200) : 'unknown error'}`,
      }))
      .then((settlement) => {
        reportAttempt(this.base.logger, this.q, this.id, job, settlement, this.base.settings.maxAttempts);
        this.results.push({
          job,
          settled: { id: job.id, attempt: job.attempt, fence: job.fence, settlement, at: new Date() },
        });
        this.inflight -= 1;
        this.pump();
        this.flush();
        this.kick();
      });
  }

  /**
   * Writes finished attempts in batches; one flush at a time. A flush waits a few milliseconds for
   * other attempts to finish, unless a batch's worth is already waiting: one transaction then
   * records many outcomes instead of one.
   */
  private flush(): void {
    if (this.flushing) return;
    this.flushing = (async () => {
      if (this.results.length < this.base.settings.concurrency / 2 && !this.stopped) {
        await new Promise((resolve) => setTimeout(resolve, FLUSH_LINGER_MS));
      }
      while (this.results.length > 0) await this.record(this.results.splice(0, FLUSH_BATCH));
    })().finally(() => {
      this.flushing = null;
      if (this.results.length > 0) this.flush();
    });
  }

  private async record(batch: { job: J; settled: SettledAttempt }[]): Promise<void> {
    try {
      const started = performance.now();
      const { settings, orm } = this.base;
      const { hints, nextRetryAt } = await recordOutcomes(orm, this.q, settings, this.id, batch);
      this.hint(hints);
      this.base.logger.debug(
        { worker: this.id, recorded: batch.length, ms: Math.round(performance.now() - started) },
        `${this.q.name} outcomes`,
      );
      if (nextRetryAt !== null) this.wakeAt(nextRetryAt);
      for (const { job, settled } of batch) {
        const state = finalState(job.attempt, settled.settlement, this.base.settings.maxAttempts);
        if (state && this.q.givenUp) {
          await this.q
            .givenUp(job, state)
            .catch((error: unknown) =>
              this.base.logger.error(
                { err: error, worker: this.id, deliveryId: job.id },
                `${this.q.name} given-up hook failed`,
              ),
            );
        }
      }
    } catch (error) {
      // The leases will expire and the messages go again under the same ids: delayed, not lost.
      this.base.logger.error(
        { err: error, worker: this.id, count: batch.length },
        `${this.q.name} outcomes not recorded`,
      );
    }
  }

  private wakeAt(at: number): void {
    if (this.stopped || (this.retryTimer && this.retryTimer.at <= at)) return;
    if (this.retryTimer) clearTimeout(this.retryTimer.timer);
    const timer = setTimeout(
      () => {
        this.retryTimer = null;
        this.kick();
      },
      Math.max(0, at - Date.now()) + 1,
    );
    timer.unref();
    this.retryTimer = { at, timer };
  }

  /** Retakes rows whose lease expired (queues with a sending state; the others' claims retake them). */
  private async reap(): Promise<void> {
    if (this.stopped || !this.q.table.sendingState) return;
    try {
      const { reaped, hints } = await reapExpired(this.base.orm, this.q, this.base.settings.maxAttempts);
      this.hint(hints);
      if (reaped > 0) this.kick();
    } catch (error) {
      this.base.logger.error({ err: error, worker: this.id }, `${this.q.name} lease reaper failed`);
    }
  }

  private hint(hints: readonly StreamHint[]): void {
    for (const hint of hints) this.base.bus.hint(hint);
  }

  private waitIdle(): Promise<void> {
    return new Promise((resolve) => {
      const check = (): void => {
        // Buffered jobs are leased: they are sent too (or, once aborted, fail fast as unknown).
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
