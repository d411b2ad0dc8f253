import { backoffDelay } from '@pcn-hub/schema';
import type { Em } from '../../platform/db/orm.js';
import type { StreamHint } from '../../platform/events/index.js';
import type { DeliveryKind, DeliveryState, TargetKind, WriteBackState } from './write-back.codes.js';
import { appendWriteBackEventsBatched, type WriteBackChange } from './write-back.events.js';
import { lockLines, promoteNext } from './write-back.queue.js';
import type { DeliveryOutcome } from './write-back.targets.js';
import { exec } from '../../platform/db/sql.js';

/** A delivery a worker holds the lease of, with what it needs to send it. */
export interface ClaimedDelivery {
  readonly id: string;
  readonly messageId: string;
  readonly recordId: string;
  readonly entryId: string;
  readonly consultationId: string;
  readonly patientId: string;
  readonly targetOrgId: string;
  /** The patient line (target + patient) it belongs to. */
  readonly orderingKey: string;
  readonly kind: DeliveryKind;
  readonly version: number;
  readonly replacesMessageId: string | null;
  readonly payload: Readonly<Record<string, unknown>>;
  /** This attempt's number since enqueue or redrive. */
  readonly attempt: number;
  /** Attempts ever made, this one included: the fencing token of the lease (never repeats). */
  readonly fence: number;
  readonly nhsNumber: string;
  readonly target: { readonly kind: TargetKind; readonly endpointUrl: string | null; readonly signingSecret: string | null };
  /** The trace of the change that enqueued it, when tracing is on. */
  readonly traceParent: string | null;
}

/** The outcome of one attempt, and when the worker learnt it. */
export interface AttemptResult {
  readonly delivery: ClaimedDelivery;
  readonly outcome: DeliveryOutcome;
  readonly at: Date;
}

/** Retry policy of the outbox. */
export interface RetryPolicy {
  readonly maxAttempts: number;
  /** Delay before the second attempt; doubles per attempt (capped at an hour), with jitter. */
  readonly backoffMs: number;
}

const MAX_BACKOFF_MS = 60 * 60 * 1000;


interface ChangedRow {
  id: string;
  record_id: string;
  entry_id: string;
  consultation_id: string;
  target_org_id: string;
  message_id: string;
  version: number;
  attempts: number;
  state: DeliveryState;
}

const CHANGED_COLUMNS =
  'd.id, d.record_id, d.entry_id, d.consultation_id, d.target_org_id, d.message_id, d.version, d.attempts, d.state';

export function changeOf(row: ChangedRow, actorId: string | null): WriteBackChange {
  return {
    targetOrgId: row.target_org_id,
    // WAITING is PENDING to the outside: queued behind an earlier delivery of the same record.
    state: (row.state === 'WAITING' ? 'PENDING' : row.state) as WriteBackState,
    recordId: row.record_id,
    entryId: row.entry_id,
    consultationId: row.consultation_id,
    deliveryId: row.id,
    messageId: row.message_id,
    version: row.version,
    attempt: row.attempts,
    actorId,
  };
}

/**
 * Claims up to `limit` due deliveries for `workerId` with a lease, in one statement: rows are
 * picked with FOR UPDATE SKIP LOCKED, so concurrent workers never pick the same row. Only heads of
 * their patient line are PENDING or RETRYING (the rest are WAITING), so this is a range scan of
 * the due index, whatever the backlog.
 */
export async function claimDeliveries(
  em: Em,
  workerId: string,
  limit: number,
  leaseMs: number,
): Promise<{ claimed: ClaimedDelivery[]; hints: StreamHint[] }> {
  return em.transactional(async (tx) => {
    const rows = await exec<
      ChangedRow & {
        patient_id: string;
        kind: DeliveryKind;
        replaces_message_id: string | null;
        payload: Record<string, unknown> | string;
        total_attempts: number;
        ordering_key: string;
        nhs_number: string;
        target_kind: TargetKind | null;
        endpoint_url: string | null;
        signing_secret: string | null;
        trace_parent: string | null;
      }
    >(
      tx,
      `with picked as (
         select id from write_back_delivery
         where state in ('PENDING', 'RETRYING') and next_attempt_at <= now()
         order by next_attempt_at, position
         limit ?
         for update skip locked)
       update write_back_delivery d
       set state = 'SENDING', lease_owner = ?, lease_expires_at = now() + (?::int * interval '1 millisecond'),
           attempts = d.attempts + 1, total_attempts = d.total_attempts + 1,
           first_attempt_at = coalesce(d.first_attempt_at, now()), last_attempt_at = now(), updated_at = now()
       from picked where d.id = picked.id
       returning ${CHANGED_COLUMNS}, d.patient_id, d.kind, d.replaces_message_id, d.payload, d.total_attempts, d.ordering_key, d.trace_parent,
         (select p.nhs_number from patient p where p.id = d.patient_id) as nhs_number,
         (select t.kind from write_back_target t where t.practice_id = d.target_org_id) as target_kind,
         (select t.endpoint_url from write_back_target t where t.practice_id = d.target_org_id) as endpoint_url,
         (select t.signing_secret from write_back_target t where t.practice_id = d.target_org_id) as signing_secret`,
      [limit, workerId, leaseMs],
    );
    if (rows.length === 0) return { claimed: [], hints: [] };
    const hints = await appendWriteBackEventsBatched(
      tx,
      rows.map((row) => changeOf(row, workerId)),
    );
    const claimed = rows.map(
      (row): ClaimedDelivery => ({
        id: row.id,
        messageId: row.message_id,
        recordId: row.record_id,
        entryId: row.entry_id,
        consultationId: row.consultation_id,
        patientId: row.patient_id,
        targetOrgId: row.target_org_id,
        orderingKey: row.ordering_key,
        kind: row.kind,
        version: row.version,
        replacesMessageId: row.replaces_message_id,
        payload: typeof row.payload === 'string' ? (JSON.parse(row.payload) as Record<string, unknown>) : row.payload,
        attempt: row.attempts,
        fence: row.total_attempts,
        nhsNumber: row.nhs_number,
        target: { kind: row.target_kind ?? 'IN_HUB', endpointUrl: row.endpoint_url, signingSecret: row.signing_secret },
        traceParent: row.trace_parent,
      }),
    );
    return { claimed, hints };
  });
}

/** After heads finished (DELIVERED or DEAD), promotes the next of each line. Lines must be locked. */
async function advanceLines(tx: Em, rows: readonly { ordering_key: string; state: DeliveryState }[]): Promise<void> {
  const finished = rows.filter((row) => row.state === 'DELIVERED' || row.state === 'DEAD').map((row) => row.ordering_key);
  if (finished.length > 0) await promoteNext(tx, finished);
}

/**
 * Records the outcomes of finished attempts in one transaction. An acknowledgement is a fact and
 * wins whatever happened to the lease meanwhile; a failure only counts while this worker still
 * holds the lease of that attempt (otherwise another worker has retaken the delivery). Finished
 * heads hand their line to the next delivery. Returns the hints and the earliest retry time.
 */
export async function completeAttempts(
  em: Em,
  workerId: string,
  results: readonly AttemptResult[],
  policy: RetryPolicy,
  now: () => number = Date.now,
): Promise<{ hints: StreamHint[]; nextRetryAt: number | null }> {
  const acks = results.filter((r) => r.outcome.kind === 'ACKNOWLEDGED');
  const failures = results.filter((r) => r.outcome.kind !== 'ACKNOWLEDGED');
  let nextRetryAt: number | null = null;
  const hints = await em.transactional(async (tx) => {
    // Line locks first, then rows: every writer of a line takes them in this order (no deadlock).
    await lockLines(tx, results.map((r) => r.delivery.orderingKey));
    const changed: (ChangedRow & { ordering_key: string })[] = [];
    if (acks.length > 0) {
      changed.push(
        ...(await exec<ChangedRow & { ordering_key: string }>(
          tx,
          `update write_back_delivery d
           set state = 'DELIVERED', delivered_at = v.at, lease_owner = null, lease_expires_at = null, updated_at = now()
           from (values ${acks.map(() => '(?::uuid, ?::timestamptz)').join(', ')}) as v(id, at)
           where d.id = v.id and d.state not in ('DELIVERED', 'SUPERSEDED')
           returning ${CHANGED_COLUMNS}, d.ordering_key`,
          acks.flatMap((r) => [r.delivery.id, r.at]),
        )),
      );
    }
    if (failures.length > 0) {
      const values: unknown[] = [];
      for (const { delivery, outcome, at } of failures) {
        const reason = outcome.kind === 'ACKNOWLEDGED' ? '' : outcome.reason;
        const exhausted = outcome.kind === 'REJECTED' || delivery.attempt >= policy.maxAttempts;
        const error =
          outcome.kind === 'REJECTED'
            ? reason
            : exhausted
              ? `no acknowledgement after ${delivery.attempt} attempts; last: ${reason}`
              : reason;
        const retryAt = exhausted ? at.getTime() : now() + backoffDelay(delivery.attempt, { baseMs: policy.backoffMs, maxMs: MAX_BACKOFF_MS });
        if (!exhausted) nextRetryAt = nextRetryAt === null ? retryAt : Math.min(nextRetryAt, retryAt);
        values.push(delivery.id, delivery.fence, exhausted ? 'DEAD' : 'RETRYING', new Date(retryAt), error.slice(0, 1000));
      }
      changed.push(
        ...(await exec<ChangedRow & { ordering_key: string }>(
          tx,
          `update write_back_delivery d
           set state = v.state, next_attempt_at = v.next_at, last_error = v.error,
               lease_owner = null, lease_expires_at = null, updated_at = now()
           from (values ${failures.map(() => '(?::uuid, ?::int, ?::text, ?::timestamptz, ?::text)').join(', ')})
             as v(id, fence, state, next_at, error)
           where d.id = v.id and d.state = 'SENDING' and d.lease_owner = ? and d.total_attempts = v.fence
           returning ${CHANGED_COLUMNS}, d.ordering_key`,
          [...values, workerId],
        )),
      );
    }
    await advanceLines(tx, changed);
    return appendWriteBackEventsBatched(tx, changed.map((row) => changeOf(row, workerId)));
  });
  return { hints, nextRetryAt };
}

/**
 * Retakes deliveries whose lease expired (their worker died or stalled): the attempt's outcome is
 * unknown, so they are retried at once with the same message id, or go DEAD if it was the last.
 */
export async function reapExpiredLeases(em: Em, maxAttempts: number): Promise<StreamHint[]> {
  return em.transactional(async (tx) => {
    const expired = await exec<{ id: string; ordering_key: string }>(
      tx,
      `select id, ordering_key from write_back_delivery
       where state = 'SENDING' and lease_expires_at < now()
       order by lease_expires_at limit 500`,
    );
    if (expired.length === 0) return [];
    await lockLines(tx, expired.map((row) => row.ordering_key));
    const rows = await exec<ChangedRow & { ordering_key: string }>(
      tx,
      `update write_back_delivery d
       set state = case when d.attempts >= ?::int then 'DEAD' else 'RETRYING' end,
           next_attempt_at = now(), lease_owner = null, lease_expires_at = null, updated_at = now(),
           last_error = case when d.attempts >= ?::int
             then 'no acknowledgement after ' || d.attempts || ' attempts; last: lease expired before an acknowledgement (outcome unknown)'
             else 'lease expired before an acknowledgement (outcome unknown)' end
       where d.id in (${expired.map(() => '?').join(', ')}) and d.state = 'SENDING' and d.lease_expires_at < now()
       returning ${CHANGED_COLUMNS}, d.ordering_key`,
      [maxAttempts, maxAttempts, ...expired.map((row) => row.id)],
    );
    await advanceLines(tx, rows);
    return appendWriteBackEventsBatched(tx, rows.map((row) => changeOf(row, null)));
  });
}
