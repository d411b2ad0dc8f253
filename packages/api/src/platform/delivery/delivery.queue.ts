import type { Em, Orm } from '../db/orm.js';
import type { EventBus, StreamHint } from '../events/index.js';
import type { Logger } from '../logger.js';
import type { ChangedRow, ClaimedRow, DeliveryTable, RetryPolicy, Settlement } from './delivery.table.js';

/** A claimed job: its row id, this attempt's number and the lease's fencing token. */
export interface DeliveryJob {
  readonly id: string;
  readonly attempt: number;
  readonly fence: number;
}

/**
 * What a queue adds to the engine: its table, what wakes it, how to send one job, and its own
 * rules inside the engine's transactions (ordering, events). Hooks that return hints have them
 * sent after commit.
 */
export interface DeliveryQueue<J extends DeliveryJob> {
  /** The queue's label in metrics (`write_back`). */
  readonly queue: string;
  /** Its name in log lines (`write-back`). */
  readonly name: string;
  readonly table: DeliveryTable;
  /** True for hints of streams whose new events may mean new work. */
  wakesOn(hint: StreamHint): boolean;
  /** Before a claim round woken by new work or the poll (turn events into rows). */
  prepare?(): Promise<void>;
  /** Inside the claim's transaction: the jobs of the claimed rows, and hints. */
  claimed(tx: Em, rows: readonly ClaimedRow[], workerId: string): Promise<{ jobs: J[]; hints: StreamHint[] }>;
  /** One attempt; a thrown error counts as a retry. */
  attempt(job: J, signal: AbortSignal): Promise<Settlement>;
  /** Ids of the job for its log line (never patient data). */
  describe(job: J): Record<string, unknown>;
  /**
   * Per-key ordering (write-back's patient lines): inside a settle or reap transaction, before its
   * rows change, the engine takes `lock` on the keys of the jobs or rows it is about to change.
   */
  readonly ordering?: {
    keyOf(job: J): string;
    keyOfRow(row: ChangedRow): string;
    lock(tx: Em, keys: readonly string[]): Promise<void>;
  };
  /** Inside a settle, reap or redrive transaction, after its rows changed; `actorId` null for the reaper. */
  changed?(tx: Em, rows: readonly ChangedRow[], actorId: string | null): Promise<StreamHint[]>;
  /** After commit, for each job given up on (DEAD or a queue's own final state). */
  givenUp?(job: J, state: string): Promise<void>;
}

/** Tunables of a worker. */
export interface DeliveryWorkerSettings extends RetryPolicy {
  /** Attempts in flight at once; the worker leases up to twice as many (a prefetch buffer). */
  readonly concurrency: number;
  readonly leaseMs: number;
  readonly pollMs: number;
}

export interface DeliveryWorkerOptions {
  readonly orm: Orm;
  readonly bus: EventBus;
  readonly logger: Logger;
  readonly settings: DeliveryWorkerSettings;
  readonly workerId?: string;
  /**
   * Delay before the first sweep (retaking expired leases, claiming the backlog); 0: at once. The
   * API process sets it so its first requests are not queued behind the sweep's statements (on
   * PGlite they share one connection and one thread). New work still wakes the worker at once.
   */
  readonly firstSweepDelayMs?: number;
}
