import type { Orm } from '../db/orm.js';
import type { StreamHint } from '../events/index.js';
import type { Logger } from '../logger.js';
import { metrics } from '../observability/metrics.js';
import type { DeliveryJob, DeliveryQueue } from './delivery.queue.js';
import {
  claimRows,
  expiredLeases,
  reapRows,
  settleRows,
  type RetryPolicy,
  type SettledAttempt,
  type Settlement,
} from './delivery.table.js';

/**
 * One transaction each of the worker's rounds: claim, record outcomes, reap. The engine's SQL
 * with the queue's hooks around it: its ordering locks before rows change (every writer takes
 * them in this order, so none deadlock), its own rules and events after.
 */

/** Claims up to `limit` due rows of the queue under a lease; the jobs and the hints to send. */
export function claimJobs<J extends DeliveryJob>(
  orm: Orm,
  q: DeliveryQueue<J>,
  workerId: string,
  limit: number,
  leaseMs: number,
): Promise<{ jobs: J[]; hints: StreamHint[] }> {
  return orm.em.fork().transactional(async (tx) => {
    const rows = await claimRows(tx, q.table, workerId, limit, leaseMs);
    return rows.length === 0 ? { jobs: [], hints: [] } : q.claimed(tx, rows, workerId);
  });
}

/** Records finished attempts in one transaction; the hints and the earliest retry time. */
export function recordOutcomes<J extends DeliveryJob>(
  orm: Orm,
  q: DeliveryQueue<J>,
  policy: RetryPolicy,
  workerId: string,
  batch: readonly { job: J; settled: SettledAttempt }[],
): Promise<{ hints: StreamHint[]; nextRetryAt: number | null }> {
  return orm.em.fork().transactional(async (tx) => {
    const { ordering } = q;
    if (ordering)
      await ordering.lock(
        tx,
        batch.map((r) => ordering.keyOf(r.job)),
      );
    const settled = batch.map((r) => r.settled);
    const { changed, nextRetryAt } = await settleRows(tx, q.table, policy, workerId, settled);
    return { hints: (await q.changed?.(tx, changed, workerId)) ?? [], nextRetryAt };
  });
}

/** Retakes rows whose lease expired (queues with a sending state); how many, and the hints. */
export function reapExpired<J extends DeliveryJob>(
  orm: Orm,
  q: DeliveryQueue<J>,
  maxAttempts: number,
): Promise<{ reaped: number; hints: StreamHint[] }> {
  return orm.em.fork().transactional(async (tx) => {
    const expired = await expiredLeases(tx, q.table);
    if (expired.length === 0) return { reaped: 0, hints: [] };
    const { ordering } = q;
    if (ordering)
      await ordering.lock(
        tx,
        expired.map((row) => ordering.keyOfRow(row)),
      );
    const rows = await reapRows(tx, q.table, maxAttempts, expired);
    return { reaped: rows.length, hints: (await q.changed?.(tx, rows, null)) ?? [] };
  });
}

/** The final state an attempt leaves its row in (null: delivered or retried), as far as a worker can tell. */
export function finalState(attempt: number, s: Settlement, maxAttempts: number): string | null {
  if (s.kind === 'stop') return s.state ?? 'DEAD';
  if (s.kind === 'retry' && attempt >= maxAttempts) return 'DEAD';
  return null;
}

/** One info line and one metric per attempt (ids only); a dead letter is a warning. */
export function reportAttempt<J extends DeliveryJob>(
  logger: Logger,
  q: DeliveryQueue<J>,
  workerId: string,
  job: J,
  s: Settlement,
  maxAttempts: number,
): void {
  const dead = finalState(job.attempt, s, maxAttempts) === 'DEAD';
  const label = dead ? 'dead' : s.label;
  metrics.deliveryAttempts.inc({ queue: q.queue, outcome: label });
  const line = {
    worker: workerId,
    ...q.describe(job),
    attempt: job.attempt,
    outcome: label,
    ...(s.kind === 'delivered' ? {} : { reason: s.reason.slice(0, 200) }),
  };
  if (dead) logger.warn(line, `${q.name} dead letter`);
  else logger.info(line, `${q.name} attempt`);
}
