import type { Orm } from '../db/orm.js';
import { Errors } from '../errors.js';
import type { Logger } from '../logger.js';
import type { EventBus } from './event-bus.js';
import { latestSeq, readStream, type StoredEvent } from './event-log.js';
import { acquireFeed, READ_BATCH, type FeedMember, type StreamFeed } from './stream.feed.js';
import { metrics, streamKind } from '../observability/metrics.js';

/** One item of a live stream, in delivery order. */
export type StreamMessage =
  /** The next event: seq is exactly one more than the previous EVENT's. */
  | { readonly kind: 'EVENT'; readonly event: StoredEvent }
  /** Nothing happened for `heartbeatMs`; `latestSeq` is the stream's latest seq known here. */
  | { readonly kind: 'HEARTBEAT'; readonly latestSeq: number; readonly at: Date }
  /**
   * The events after the requested cursor are no longer retained (or the cursor is ahead of the
   * stream): reload state, then expect the events after `latestSeq`, which follow.
   */
  | { readonly kind: 'RESYNC_REQUIRED'; readonly latestSeq: number };

/** Options of {@link subscribeStream}. */
export interface SubscribeStreamOptions {
  /** Stream name, e.g. `inbox:<organisation id>`. */
  readonly stream: string;
  /** Deliver events with seq greater than this; `null` = live from now (the latest seq). */
  readonly afterSeq: number | null;
  /** Wake-up hints (the request context's `events`). */
  readonly bus: EventBus;
  /** Source of EntityManager forks for reading the log. */
  readonly orm: Orm;
  /**
   * Called before every EVENT is delivered; `false` ends the stream with a FORBIDDEN HubError
   * (a rejection ends it with that error).
   */
  readonly authorize: () => Promise<boolean>;
  /** Idle time before a HEARTBEAT. Default 15,000 ms. */
  readonly heartbeatMs?: number;
  /** Fallback poll of the log, catching events whose hint was lost. Default 2,000 ms. */
  readonly pollMs?: number;
  /** Aborting ends the stream like `return()`. */
  readonly signal?: AbortSignal;
  readonly logger?: Logger;
  /**
   * Events buffered for a consumer that is not keeping up; beyond this the buffer is dropped and
   * the subscriber re-reads from the log at its own pace (no gap). Default 1,000.
   */
  readonly maxBuffered?: number;
}

const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/**
 * Follows one stream of the event log: replays the events after `afterSeq` from the log, then
 * continues live, strictly in seq order, with no gap and no duplicate, including across the
 * replay-to-live hand-over. A cursor older than retention yields one RESYNC_REQUIRED and
 * continues live from the latest seq. All subscribers of a stream in this process share one
 * reader (one read per hint, fanned out); a subscriber only reads the log itself for its backlog.
 *
 * Returns at once; the iterator's `return()` (or the abort signal) releases listeners and timers.
 * Throws from `next()` a HubError FORBIDDEN when `authorize()` answers false, BAD_USER_INPUT
 * (field `after`) for a negative or fractional `afterSeq`.
 */
export function subscribeStream(options: SubscribeStreamOptions): AsyncIterableIterator<StreamMessage> {
  return new StreamSubscription(options);
}

class StreamSubscription implements AsyncIterableIterator<StreamMessage>, FeedMember {
  /** Seq of the last EVENT delivered (or the starting point). */
  private cursor = 0;
  private initialised = false;
  private incoming: StoredEvent[] = [];
  private backlog: StoredEvent[] = [];
  private resyncAt: number | null = null;
  private closed = false;
  /** Why the start failed, thrown once by the next `next()`. */
  private failure: { error: unknown } | null = null;
  private wakeUp: (() => void) | null = null;
  private readonly feed: StreamFeed;
  private readonly init: Promise<void>;
  private readonly heartbeatMs: number;
  private readonly maxBuffered: number;
  private readonly onAbort = (): void => void this.return();
  private readonly kind: string;

  constructor(private readonly options: SubscribeStreamOptions) {
    this.heartbeatMs = options.heartbeatMs ?? 15_000;
    this.maxBuffered = options.maxBuffered ?? 1000;
    // Join first, so every batch read from now on is buffered while the start point is settled.
    this.kind = streamKind(options.stream);
    metrics.liveSubscriptions.inc({ stream: this.kind });
    this.feed = acquireFeed(options.orm, options.bus, options.stream, options.logger);
    this.feed.join(this, options.pollMs ?? 2000);
    options.signal?.addEventListener('abort', this.onAbort, { once: true });
    this.init = this.start().catch((error: unknown) => {
      this.failure = { error };
      this.release();
    });
    if (options.signal?.aborted) this.release();
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<StreamMessage> {
    return this;
  }

  accept(events: readonly StoredEvent[]): void {
    for (const event of events) if (!this.initialised || event.seq > this.cursor) this.incoming.push(event);
    // A consumer this far behind reads the log itself (needsRead) instead of growing memory.
    if (this.incoming.length > this.maxBuffered) this.incoming = [];
    this.wake();
  }

  async next(): Promise<IteratorResult<StreamMessage>> {
    await this.init;
    const failure = this.takeFailure();
    if (failure) throw failure.error;
    try {
      for (;;) {
        if (this.closed) return DONE;
        if (this.resyncAt !== null) {
          const latest = this.resyncAt;
          this.resyncAt = null;
          return { done: false, value: { kind: 'RESYNC_REQUIRED', latestSeq: latest } };
        }
        const event = this.take();
        if (event) {
          const allowed = await this.options.authorize();
          if (this.isClosed()) return DONE;
          if (!allowed) throw Errors.forbidden('Not allowed to follow this stream');
          this.cursor = event.seq;
          metrics.liveDeliveryLag.observe(
            { stream: this.kind },
            Math.max(0, (Date.now() - event.createdAt.getTime()) / 1000),
          );
          return { done: false, value: { kind: 'EVENT', event } };
        }
        if (this.needsRead()) {
          await this.readBacklog();
          continue;
        }
        if (!(await this.idle())) {
          return {
            done: false,
            value: { kind: 'HEARTBEAT', latestSeq: Math.max(this.feed.lastSeq, this.cursor), at: new Date() },
          };
        }
      }
    } catch (error) {
      this.release();
      throw error;
    }
  }

  async return(): Promise<IteratorResult<StreamMessage>> {
    this.release();
    return DONE;
  }

  async throw(error?: unknown): Promise<IteratorResult<StreamMessage>> {
    this.release();
    throw error;
  }

  private async start(): Promise<void> {
    const { afterSeq } = this.options;
    if (afterSeq !== null && (!Number.isSafeInteger(afterSeq) || afterSeq < 0)) {
      throw Errors.badInput('after', 'The cursor is not a valid position in the stream');
    }
    await this.feed.ready;
    if (afterSeq === null) {
      this.cursor = this.feed.lastSeq;
    } else {
      this.cursor = afterSeq;
      // The shared reader may lag (a lost hint): only the head row tells a cursor from the future.
      if (afterSeq > this.feed.lastSeq) {
        const latest = await latestSeq(this.options.orm.em.fork(), this.options.stream);
        if (afterSeq > latest) this.jumpTo(latest);
      }
    }
    this.initialised = true;
  }

  /** Read through a method: `closed` changes while next() awaits, which narrowing cannot see. */
  private isClosed(): boolean {
    return this.closed;
  }

  private takeFailure(): { error: unknown } | null {
    const failure = this.failure;
    this.failure = null;
    return failure;
  }

  /** The next deliverable event (seq = cursor + 1), dropping anything already delivered. */
  private take(): StoredEvent | undefined {
    const queue = this.backlog.length > 0 ? this.backlog : this.incoming;
    while (queue.length > 0 && queue[0]!.seq <= this.cursor) queue.shift();
    if (queue.length > 0 && queue[0]!.seq === this.cursor + 1) return queue.shift();
    return undefined;
  }

  /** True when events after the cursor exist that are not in hand: a backlog or a hole. */
  private needsRead(): boolean {
    if (this.backlog.length > 0) return true;
    if (this.incoming.length > 0) return true;
    return this.feed.lastSeq > this.cursor;
  }

  /** Reads the next events after the cursor, up to what the live buffer already holds. */
  private async readBacklog(): Promise<void> {
    this.backlog = [];
    const next = this.incoming[0]?.seq;
    const limit = next === undefined ? READ_BATCH : Math.min(READ_BATCH, next - this.cursor - 1);
    const em = this.options.orm.em.fork();
    const rows = await readStream(em, this.options.stream, this.cursor, limit);
    if (this.closed) return;
    if (rows.length > 0 && rows[0]!.seq === this.cursor + 1) {
      this.backlog = rows;
      return;
    }
    // Events known to exist after the cursor are gone: pruned by retention.
    const latest = Math.max(this.feed.lastSeq, await latestSeq(em, this.options.stream));
    this.jumpTo(latest);
  }

  private jumpTo(latest: number): void {
    this.cursor = latest;
    this.resyncAt = latest;
    this.backlog = [];
  }

  /** Waits for new events (true) or the heartbeat interval (false). */
  private idle(): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wakeUp = null;
        resolve(false);
      }, this.heartbeatMs);
      this.wakeUp = () => {
        clearTimeout(timer);
        this.wakeUp = null;
        resolve(true);
      };
    });
  }

  private wake(): void {
    this.wakeUp?.();
  }

  private release(): void {
    if (this.closed) return;
    this.closed = true;
    metrics.liveSubscriptions.dec({ stream: this.kind });
    this.options.signal?.removeEventListener('abort', this.onAbort);
    this.feed.leave(this);
    this.incoming = [];
    this.backlog = [];
    this.wake();
  }
}
