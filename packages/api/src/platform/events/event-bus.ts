import { backoffDelay } from '@pcn-hub/schema';
import { randomBytes } from 'node:crypto';
import type { Logger } from '../logger.js';

/** A wake-up hint: stream `stream` has events up to `seq`. Carries ids only. */
export interface StreamHint {
  readonly stream: string;
  readonly seq: number;
}

/**
 * The stream name of a synthetic hint meaning "hints may have been lost: re-check every stream".
 * Buses emit it to local listeners after their cross-process channel reconnects.
 */
export const RESYNC_ALL_STREAMS = '*';

/** True for the synthetic hint a bus emits after its notification channel reconnects. */
export function isResyncHint(hint: StreamHint): boolean {
  return hint.stream === RESYNC_ALL_STREAMS;
}

/**
 * Carries wake-up hints between writers and subscribers, within and across processes. Hints are
 * advisory: subscribers always read events from the log by seq, so a lost hint only delays.
 */
export interface EventBus {
  /** Announces, after commit, that `stream` reached `seq`. Never throws. */
  hint(hint: StreamHint): void;
  /** Registers a listener for hints from any process; returns the unsubscribe function. */
  onHint(listener: (hint: StreamHint) => void): () => void;
  close(): Promise<void>;
}

/** The listeners of one bus; a failing listener never stops the others nor the writer. */
class HintListeners {
  private readonly listeners = new Set<(hint: StreamHint) => void>();

  add(listener: (hint: StreamHint) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(hint: StreamHint): void {
    for (const listener of this.listeners) {
      try {
        listener(hint);
      } catch {
        // A failing listener must not stop others, nor the writer that hinted.
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}

/** Single-process bus (PGlite, tests): hints go straight to local listeners. */
export class InProcessEventBus implements EventBus {
  private readonly listeners = new HintListeners();

  hint(hint: StreamHint): void {
    this.listeners.emit(hint);
  }

  onHint(listener: (hint: StreamHint) => void): () => void {
    return this.listeners.add(listener);
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}

/**
 * Shared behaviour of the cross-process buses: local listeners hear a hint at once; remote
 * publication is coalesced (one message per stream per tick, carrying the highest seq), sent
 * fire-and-forget, and tagged with this bus's origin so its own echo is ignored.
 */
export abstract class BroadcastEventBus implements EventBus {
  /** Random id of this bus instance, carried in every message to drop our own echoes. */
  readonly origin = randomBytes(6).toString('hex');
  protected closed = false;
  private readonly listeners = new HintListeners();
  private readonly pending = new Map<string, number>();
  private flushScheduled = false;
  private publishing = false;

  protected constructor(protected readonly logger: Logger | undefined) {}

  hint(hint: StreamHint): void {
    if (this.closed) return;
    this.listeners.emit(hint);
    const known = this.pending.get(hint.stream);
    if (known === undefined || hint.seq > known) this.pending.set(hint.stream, hint.seq);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
  }

  onHint(listener: (hint: StreamHint) => void): () => void {
    return this.listeners.add(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.pending.clear();
    this.listeners.clear();
    await this.disconnect();
  }

  /** Sends encoded hints to other processes; may reject (the hints are then dropped). */
  protected abstract publish(messages: string[]): Promise<void>;
  protected abstract disconnect(): Promise<void>;

  /** Hands a message from the channel to local listeners, unless it is our own echo or malformed. */
  protected receive(raw: string): void {
    if (this.closed) return;
    let message: unknown;
    try {
      message = JSON.parse(raw);
    } catch {
      return;
    }
    if (!message || typeof message !== 'object') return;
    const { s, q, o } = message as { s?: unknown; q?: unknown; o?: unknown };
    if (o === this.origin || typeof s !== 'string' || typeof q !== 'number') return;
    this.listeners.emit({ stream: s, seq: q });
  }

  /** Tells local readers to re-check the log: hints sent while the channel was down are lost. */
  protected emitResync(): void {
    if (!this.closed) this.listeners.emit({ stream: RESYNC_ALL_STREAMS, seq: 0 });
  }

  private flush(): void {
    this.flushScheduled = false;
    // One publish at a time: hints arriving meanwhile coalesce and go out right after it.
    if (this.closed || this.publishing || this.pending.size === 0) return;
    const messages = [...this.pending].map(([s, q]) => JSON.stringify({ s, q, o: this.origin }));
    this.pending.clear();
    this.publishing = true;
    this.publish(messages)
      .catch((error: unknown) => {
        // Lost hints only delay readers (they poll); never fail the writer.
        this.logger?.warn({ err: error }, 'event hint not published');
      })
      .finally(() => {
        this.publishing = false;
        this.flush();
      });
  }
}

/** The delay before reconnecting a notification channel after `failures` failed attempts (0 = the first retry). */
export function backoffMs(failures: number, minMs = 100, maxMs = 5000): number {
  return backoffDelay(failures + 1, { baseMs: minMs, maxMs });
}
