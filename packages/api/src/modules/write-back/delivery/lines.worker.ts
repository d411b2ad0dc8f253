import type { Em } from '../../../platform/db/orm.js';
import { exec } from '../../../platform/db/sql.js';

/**
 * Per-patient-record lines of the outbox. Writers that change which delivery heads a line (an
 * enqueue, a head finishing, a redrive) take the line's transaction-scoped advisory lock first,
 * so "is anything in flight?" and "promote the next one" never race. Keys are locked in sorted
 * order so two transactions cannot deadlock on them.
 */
export async function lockLines(em: Em, keys: Iterable<string>): Promise<void> {
  const sorted = [...new Set(keys)].sort();
  if (sorted.length === 0) return;
  // A VALUES scan keeps the given order, so the locks are taken in sorted key order.
  await exec(
    em,
    `select pg_advisory_xact_lock(hashtext(v.k)) from (values ${sorted.map(() => '(?)').join(', ')}) as v(k)`,
    sorted,
  );
}

/** The line (ordering key) of a patient's record at a practice: `<target org id>:<patient id>`. */
export const lineOf = (targetOrgId: string, patientId: string): string => `${targetOrgId}:${patientId}`;

/**
 * The lock of {@link lockLines} as an SQL expression, for a statement of the caller's that reads
 * the target and patient ids anyway (SQL expressions of uuids; the key is {@link lineOf}'s).
 */
export const lineLockSql = (target: string, patient: string): string =>
  `pg_advisory_xact_lock(hashtext(${target}::text || ':' || ${patient}::text))`;

/** True when the line already has a delivery queued or in flight. Call with the line locked. */
export async function lineBusy(em: Em, key: string): Promise<boolean> {
  const rows = await exec(
    em,
    `select 1 where exists (select 1 from write_back_delivery where ordering_key = ? and state in ('PENDING', 'SENDING', 'RETRYING'))
        or exists (select 1 from write_back_delivery where ordering_key = ? and state = 'WAITING')`,
    [key, key],
  );
  return rows.length > 0;
}

/**
 * Promotes the first WAITING delivery of each line that has nothing PENDING, SENDING or RETRYING
 * left (its head finished): two index probes per line. Idempotent; call with the lines locked.
 */
export async function promoteNext(em: Em, keys: Iterable<string>): Promise<number> {
  const list = [...new Set(keys)];
  if (list.length === 0) return 0;
  const rows = await exec(
    em,
    `update write_back_delivery d set state = 'PENDING', next_attempt_at = now(), updated_at = now()
     from (
       select nxt.id
       from (values ${list.map(() => '(?)').join(', ')}) as line(key)
       cross join lateral (
         select w.id from write_back_delivery w
         where w.ordering_key = line.key and w.state = 'WAITING'
         order by w.position limit 1) nxt
       where not exists (
         select 1 from write_back_delivery f
         where f.ordering_key = line.key and f.state in ('PENDING', 'SENDING', 'RETRYING'))) n
     where d.id = n.id
     returning d.id`,
    list,
  );
  return rows.length;
}
