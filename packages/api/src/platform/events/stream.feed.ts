import type { Orm } from '../db/orm.js';
import type { Logger } from '../logger.js';
import { isResyncHint, type EventBus, type StreamHint } from './event-bus.js';
import { latestSeq, readStream, type StoredEvent } from './event-log.js';

/** Rows per read of the log, for the shared reader and for a subscriber's own backlog. */
export const READ_BATCH = 500;

/** A local subscriber of a {@link StreamFeed}. */
export interface FeedMember {
  /** Receives each newly read batch (contiguous, ascending seq) synchronously. */
  accept(events: readonly StoredEvent[]): void;
}

/**
 * The one reader of a stream in this process. On each hint for the stream (or a resync hint, or
 * its poll timer) it reads the events after the last seq it read, once, and hands the batch to
 * every member. Members that need older events read their backlog themselves.
 */
export class StreamFeed {
  /** Highest seq read and handed to members. Meaningful once {@link ready} resolves. */
  lastSeq = 0;
  readonly ready: Promise<void>;
  private readonly members = new Set<FeedMember>();
  private readonly unlisten: () => void;
  private pollTimer: NodeJS.Timeout | null = null;
  private pollMs = Infinity;
  private reading = false;
  private again = false;
  private disposed = false;

  constructor(
    private readonly orm: Orm,
    readonly stream: string,
    bus: EventBus,
    private readonly logger: Logger | undefined,
    private readonly onEmpty: (feed: StreamFeed) => void,
  ) {
    // Listen before reading the head: a hint racing the first read is then never missed.
    this.unlisten = bus.onHint((hint) => this.onHint(hint));
    this.ready = latestSeq(orm.em.fork(), stream).then((seq) => {
      this.lastSeq = Math.max(this.lastSeq, seq);
    });
    this.ready.catch(() => this.dispose());
  }

  get size(): number {
    return this.members.size;
  }

  /** Adds a member; the feed polls at the shortest interval any member asked for. */
  join(member: FeedMember, pollMs: number): void {
    this.members.add(member);
    if (pollMs < this.pollMs) {
      this.pollMs = pollMs;
      if (this.pollTimer) clearInterval(this.pollTimer);
      this.pollTimer = setInterval(() => this.pump(), pollMs);
      this.pollTimer.unref();
    }
  }

  leave(member: FeedMember): void {
    this.members.delete(member);
    if (this.members.size === 0) this.dispose();
  }

  /** Reads now (or right after the read in progress). */
  pump(): void {
    if (this.disposed) return;
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = true;
    this.read()
      .catch((error: unknown) => {
        // The poll timer retries; members keep waiting, nothing is skipped.
        this.logger?.warn({ err: error, stream: this.stream }, 'event stream read failed');
      })
      .finally(() => {
        this.reading = false;
        if (this.again) {
          this.again = false;
          this.pump();
        }
      });
  }

  private onHint(hint: StreamHint): void {
    if (hint.stream === this.stream ? hint.seq > this.lastSeq : isResyncHint(hint)) this.pump();
  }

  private async read(): Promise<void> {
    await this.ready;
    const em = this.orm.em.fork();
    for (;;) {
      const batch = await readStream(em, this.stream, this.lastSeq, READ_BATCH);
      if (this.disposed || batch.length === 0) return;
      // Advance and hand over in one synchronous step: a member either joined before this batch
      // (and gets it) or after (and sees lastSeq already covering it).
      this.lastSeq = batch[batch.length - 1]!.seq;
      for (const member of this.members) member.accept(batch);
      if (batch.length < READ_BATCH) return;
    }
  }

  private dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.unlisten();
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.members.clear();
    this.onEmpty(this);
  }
}

const registry = new WeakMap<Orm, WeakMap<EventBus, Map<string, StreamFeed>>>();

/** The shared feed of `stream` for this ORM and bus, created on first use. */
export function acquireFeed(orm: Orm, bus: EventBus, stream: string, logger?: Logger): StreamFeed {
  let byBus = registry.get(orm);
  if (!byBus) registry.set(orm, (byBus = new WeakMap()));
  let byStream = byBus.get(bus);
  if (!byStream) byBus.set(bus, (byStream = new Map<string, StreamFeed>()));
  const streams = byStream;
  let feed = streams.get(stream);
  if (!feed) {
    feed = new StreamFeed(orm, stream, bus, logger, (done) => {
      if (streams.get(stream) === done) streams.delete(stream);
    });
    streams.set(stream, feed);
  }
  return feed;
}

/** How many shared feeds are open for this ORM and bus (diagnostics and tests). */
export function openFeedCount(orm: Orm, bus: EventBus): number {
  return registry.get(orm)?.get(bus)?.size ?? 0;
}
