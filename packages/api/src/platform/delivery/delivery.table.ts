import { backoffDelay } from '@pcn-hub/schema';
import type { Em } from '../db/orm.js';
import { exec } from '../db/sql.js';

/**
 * A durable queue table as the delivery engine sees it. Every queue table has `id`, `state`
 * (`PENDING` and `RETRYING` are due, `DELIVERED` and `DEAD` are final), `attempts` (since enqueue
 * or redrive), `next_attempt_at`, `last_error` and `delivered_at`; the rest is described here.
 * Column names and SQL fragments are the queue's own constants, never input.
 */
export interface DeliveryTable {
  readonly table: string;
  /** When the current lease ends. */
  readonly leaseColumn: string;
  /** Who holds the lease; outcomes of a failed attempt count only for the holder. */
  readonly ownerColumn?: string;
  /** The state of a leased row (`SENDING`); without one the lease alone marks it, and a claim retakes an expired lease. */
  readonly sendingState?: string;
  /** Attempts ever made (never reset): the fencing token of a lease, checked with the owner. */
  readonly fenceColumn?: string;
  /** Set to now() by every change. */
  readonly touchColumn?: string;
  /** The transport's last status code (an HTTP status), when the queue keeps one. */
  readonly statusColumn?: string;
  /** Tie-breaker of the claim order after `next_attempt_at` (`d.position`). */
  readonly claimOrder?: string;
  /** Further assignments of a claim. */
  readonly claimSet?: string;
  /** Further columns a claim returns (the job's inputs); may use subqueries over `d`. */
  readonly claimReturning?: string;
  /** Columns (of `d`) every change returns, for the queue's own events and rules. */
  readonly returning: string;
  /** States an acknowledgement never overwrites (besides DELIVERED): a superseded row stays superseded. */
  readonly ackUnless?: readonly string[];
  /** Whether an acknowledgement clears `last_error`. */
  readonly deliveredClearsError?: boolean;
  /** Longest retry delay. */
  readonly maxBackoffMs: number;
  /** The dead-letter reason after the last attempt failed with `reason`. */
  readonly exhausted: (reason: string, attempts: number) => string;
}

/** Retry policy of a queue: attempts before the dead letter, first retry delay (doubling, jittered). */
export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly backoffMs: number;
}

/** A claimed row: the engine's columns and the queue's own. */
export type ClaimedRow = Record<string, unknown> & {
  readonly id: string;
  readonly attempts: number;
  readonly fence: number;
};

/** A row a change touched, with the table's `returning` columns. */
export type ChangedRow = Record<string, unknown> & { readonly id: string; readonly state: string };

/**
 * How one attempt ended. `delivered`: the receiver has it. `retry`: not acknowledged, sent again
 * after a backoff (dead-lettered after the last attempt). `stop`: given up for good, in `state`
 * (DEAD by default; a queue may have its own, e.g. WITHHELD). `label` names the outcome in logs
 * and metrics.
 */
export type Settlement =
  | { readonly kind: 'delivered'; readonly label: string; readonly status?: number | null }
  | { readonly kind: 'retry'; readonly label: string; readonly reason: string; readonly status?: number | null }
  | { readonly kind: 'stop'; readonly label: string; readonly reason: string; readonly state?: string };

/** One finished attempt of a claimed row. */
export interface SettledAttempt {
  readonly id: string;
  readonly attempt: number;
  readonly fence: number;
  readonly settlement: Settlement;
  /** When the worker learnt the outcome. */
  readonly at: Date;
}

const DUE = `('PENDING', 'RETRYING')`;
const ms = (value: string): string => `now() + (${value}::int * interval '1 millisecond')`;

function leaseCleared(t: DeliveryTable): string {
  return [
    `${t.leaseColumn} = null`,
    t.ownerColumn && `${t.ownerColumn} = null`,
    t.touchColumn && `${t.touchColumn} = now()`,
  ]
    .filter(Boolean)
    .join(', ');
}

/**
 * Claims up to `limit` due rows for `workerId` under a lease of `leaseMs`, in one statement: rows
 * are picked with FOR UPDATE SKIP LOCKED, so concurrent workers never pick the same row.
 */
export async function claimRows(
  em: Em,
  t: DeliveryTable,
  workerId: string,
  limit: number,
  leaseMs: number,
): Promise<ClaimedRow[]> {
  const free = t.sendingState ? '' : `and (${t.leaseColumn} is null or ${t.leaseColumn} < now())`;
  const set = [
    t.sendingState && `state = '${t.sendingState}'`,
    t.ownerColumn && `${t.ownerColumn} = ?`,
    `${t.leaseColumn} = ${ms('?')}`,
    'attempts = d.attempts + 1',
    t.fenceColumn && `${t.fenceColumn} = d.${t.fenceColumn} + 1`,
    t.touchColumn && `${t.touchColumn} = now()`,
    t.claimSet,
  ].filter(Boolean);
  const rows = await exec<Record<string, unknown> & { id: string; attempts: unknown; fence: unknown }>(
    em,
    `with picked as (
       select id from ${t.table}
       where state in ${DUE} and next_attempt_at <= now() ${free}
       order by next_attempt_at${t.claimOrder ? `, ${t.claimOrder}` : ''}
       limit ? for update skip locked)
     update ${t.table} d set ${set.join(', ')}
     from picked where d.id = picked.id
     returning d.attempts, ${t.fenceColumn ? `d.${t.fenceColumn}` : 'd.attempts'} as fence, ${t.returning}${t.claimReturning ? `, ${t.claimReturning}` : ''}`,
    t.ownerColumn ? [limit, workerId, leaseMs] : [limit, leaseMs],
  );
  return rows.map((row) => ({ ...row, attempts: Number(row.attempts), fence: Number(row.fence) }));
}

/** Where a settled attempt leaves its row, and why. */
function decide(
  t: DeliveryTable,
  policy: RetryPolicy,
  a: SettledAttempt,
  now: number,
): { state: string; error: string; nextAt: Date } {
  const s = a.settlement;
  if (s.kind === 'stop') return { state: s.state ?? 'DEAD', error: s.reason, nextAt: a.at };
  if (s.kind === 'retry' && a.attempt >= policy.maxAttempts)
    return { state: 'DEAD', error: t.exhausted(s.reason, a.attempt), nextAt: a.at };
  const delay = backoffDelay(a.attempt, { baseMs: policy.backoffMs, maxMs: t.maxBackoffMs });
  return { state: 'RETRYING', error: s.kind === 'retry' ? s.reason : '', nextAt: new Date(now + delay) };
}

/**
 * Records finished attempts in the caller's transaction. An acknowledgement is a fact and wins
 * whatever happened to the lease meanwhile; a failure only counts while `workerId` still holds
 * the lease of that attempt (otherwise another worker has retaken the row). Returns the rows it
 * changed and the earliest retry time.
 */
export async function settleRows(
  em: Em,
  t: DeliveryTable,
  policy: RetryPolicy,
  workerId: string,
  attempts: readonly SettledAttempt[],
  now: () => number = Date.now,
): Promise<{ changed: ChangedRow[]; nextRetryAt: number | null }> {
  const acks = attempts.filter((a) => a.settlement.kind === 'delivered');
  const failures = attempts.filter((a) => a.settlement.kind !== 'delivered');
  const changed: ChangedRow[] = [];
  const status = (a: SettledAttempt): [boolean, number | null] =>
    a.settlement.kind !== 'stop' && a.settlement.status !== undefined ? [true, a.settlement.status] : [false, null];
  const setStatus = t.statusColumn
    ? `, ${t.statusColumn} = case when v.set_status then v.status else d.${t.statusColumn} end`
    : '';
  if (acks.length > 0) {
    const unless = ['DELIVERED', ...(t.ackUnless ?? [])].map((s) => `'${s}'`).join(', ');
    changed.push(
      ...(await exec<ChangedRow>(
        em,
        `update ${t.table} d
         set state = 'DELIVERED', delivered_at = v.at, ${leaseCleared(t)}${t.deliveredClearsError ? ', last_error = null' : ''}${setStatus}
         from (values ${acks.map(() => '(?::uuid, ?::timestamptz, ?::boolean, ?::int)').join(', ')}) as v(id, at, set_status, status)
         where d.id = v.id and d.state not in (${unless})
         returning ${t.returning}`,
        acks.flatMap((a) => [a.id, a.at, ...status(a)]),
      )),
    );
  }
  let nextRetryAt: number | null = null;
  if (failures.length > 0) {
    const values: unknown[] = [];
    for (const a of failures) {
      const { state, error, nextAt } = decide(t, policy, a, now());
      values.push(a.id, a.fence, state, nextAt, error.slice(0, 1000), ...status(a));
    }
    const guard = [
      t.sendingState && `d.state = '${t.sendingState}'`,
      t.ownerColumn && `d.${t.ownerColumn} = ?`,
      t.fenceColumn && `d.${t.fenceColumn} = v.fence`,
    ].filter(Boolean);
    // How long until each retry is due, measured on the database's clock (the one the claim's
    // `next_attempt_at <= now()` reads): a timer set from the local clock can fire while the row is
    // not yet due when the two clocks differ by a few milliseconds, and the retry then waits a poll.
    const rows = await exec<ChangedRow & { retry_in_ms: number | null }>(
      em,
      `update ${t.table} d
       set state = v.state, next_attempt_at = v.next_at, last_error = v.error, ${leaseCleared(t)}${setStatus}
       from (values ${failures.map(() => '(?::uuid, ?::int, ?::text, ?::timestamptz, ?::text, ?::boolean, ?::int)').join(', ')})
         as v(id, fence, state, next_at, error, set_status, status)
       where d.id = v.id${guard.map((g) => ` and ${g}`).join('')}
       returning ${t.returning},
         case when d.state = 'RETRYING'
           then greatest(0, ceil(extract(epoch from (d.next_attempt_at - now())) * 1000))::int end as retry_in_ms`,
      t.ownerColumn ? [...values, workerId] : values,
    );
    for (const { retry_in_ms: retryInMs, ...row } of rows) {
      if (retryInMs !== null) nextRetryAt = Math.min(nextRetryAt ?? Infinity, now() + retryInMs);
      changed.push(row);
    }
  }
  return { changed, nextRetryAt };
}

/** Rows whose lease expired in the sending state (their worker died or stalled), oldest first. */
export async function expiredLeases(
  em: Em,
  t: DeliveryTable,
  limit = 500,
): Promise<(ChangedRow & { attempts: number })[]> {
  if (!t.sendingState) return [];
  return exec(
    em,
    `select d.attempts, ${t.returning} from ${t.table} d
     where d.state = '${t.sendingState}' and d.${t.leaseColumn} < now()
     order by d.${t.leaseColumn} limit ?`,
    [limit],
  );
}

/**
 * Retakes `expired` rows (from {@link expiredLeases}) still expired: the attempt's outcome is
 * unknown, so they are retried at once with the same message id, or go DEAD after the last.
 */
export async function reapRows(
  em: Em,
  t: DeliveryTable,
  maxAttempts: number,
  expired: readonly { id: string; attempts: number }[],
): Promise<ChangedRow[]> {
  if (!t.sendingState || expired.length === 0) return [];
  const reason = 'lease expired before an acknowledgement (outcome unknown)';
  const values = expired.flatMap((row) => {
    const dead = row.attempts >= maxAttempts;
    return [row.id, dead ? 'DEAD' : 'RETRYING', dead ? t.exhausted(reason, row.attempts) : reason];
  });
  return exec<ChangedRow>(
    em,
    `update ${t.table} d
     set state = v.state, next_attempt_at = now(), last_error = v.error, ${leaseCleared(t)}
     from (values ${expired.map(() => '(?::uuid, ?::text, ?::text)').join(', ')}) as v(id, state, error)
     where d.id = v.id and d.state = '${t.sendingState}' and d.${t.leaseColumn} < now()
     returning ${t.returning}`,
    values,
  );
}

/**
 * Redrive: rows given up on (DEAD, or one of `from`) go back to `to` (PENDING, due now) with a
 * fresh attempt budget and the same message id. Returns the rows it changed.
 */
export async function redriveRows(
  em: Em,
  t: DeliveryTable,
  ids: readonly string[],
  options: { readonly from?: readonly string[]; readonly to?: string } = {},
): Promise<ChangedRow[]> {
  if (ids.length === 0) return [];
  const from = (options.from ?? ['DEAD']).map((s) => `'${s}'`).join(', ');
  return exec<ChangedRow>(
    em,
    `update ${t.table} d
     set state = ?, attempts = 0, next_attempt_at = now(), ${leaseCleared(t)}
     where d.id in (${ids.map(() => '?').join(', ')}) and d.state in (${from})
     returning ${t.returning}`,
    [options.to ?? 'PENDING', ...ids],
  );
}
