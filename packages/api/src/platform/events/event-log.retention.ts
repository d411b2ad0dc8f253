import type { Orm } from '../db/orm.js';
import type { Logger } from '../logger.js';

/** Options of {@link pruneEventLog}. */
export interface PruneOptions {
  /** Events created before this instant are deleted. */
  readonly olderThan: Date;
  /** Rows deleted per statement, so a large backlog never holds one long lock. Default 5,000. */
  readonly batchSize?: number;
}

/**
 * Deletes events older than `olderThan` from every stream; returns how many. Stream heads are
 * kept, so a subscriber whose cursor predates the oldest remaining event is told
 * `RESYNC_REQUIRED` instead of silently skipping what was pruned.
 */
export async function pruneEventLog(orm: Orm, options: PruneOptions): Promise<number> {
  const batchSize = options.batchSize ?? 5000;
  const connection = orm.em.fork().getConnection();
  let total = 0;
  for (;;) {
    // Walking the primary key from the oldest id stops after one batch of matches: old rows
    // have low ids, so no index on created_at is needed.
    // 'run' answers a result summary rather than rows; MikroORM types it loosely.
    const result = (await connection.execute(
      `delete from event_log where id in (
         select id from event_log where created_at < ? order by id limit ?
       )`,
      [options.olderThan, batchSize],
      'run',
    )) as unknown as { affectedRows: number };
    total += result.affectedRows;
    if (result.affectedRows < batchSize) return total;
  }
}

/** Options of {@link startEventPruner}. */
export interface EventPrunerOptions {
  /** How long events are kept (hours). */
  readonly retentionHours: number;
  /** Time between runs. Default 15 minutes; the first run is one interval after start. */
  readonly intervalMs?: number;
  readonly logger?: Logger;
}

/**
 * Prunes the event log on a timer (every instance may run one: deletes are idempotent).
 * Returns the stop function; stopping waits for a run in progress.
 */
export function startEventPruner(orm: Orm, options: EventPrunerOptions): () => Promise<void> {
  let running: Promise<void> | null = null;
  const run = (): void => {
    if (running) return;
    const olderThan = new Date(Date.now() - options.retentionHours * 3_600_000);
    running = pruneEventLog(orm, { olderThan })
      .then((deleted) => {
        if (deleted > 0) options.logger?.info({ deleted }, 'event log pruned');
      })
      .catch((error: unknown) => options.logger?.warn({ err: error }, 'event log pruning failed'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(run, options.intervalMs ?? 15 * 60_000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
