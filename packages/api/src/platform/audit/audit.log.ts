import type { Actor } from '../auth/actor.js';
import type { Em } from '../db/orm.js';
import { exec, type WithStatement } from '../db/sql.js';
import { uuidv7 } from '../ids.js';
import { AuditEvent, type AuditOutcome } from './audit-event.entity.js';

// What is the same for every row of one request (time, actor, request) is sent once.
const INSERT = `insert into audit_event (id, at, actor_id, actor_type, organisation_ods, action, subject_type,
  subject_id, patient_id, outcome, request_id, reason, on_behalf_of)
  select v.id::uuid, c.at::timestamptz, c.actor_id, c.actor_type, c.organisation_ods, v.action, v.subject_type,
    v.subject_id, v.patient_id::uuid, v.outcome, c.request_id, v.reason, c.on_behalf_of
  from (select ? as at, ? as actor_id, ? as actor_type, ? as organisation_ods, ? as request_id, ? as on_behalf_of) c
  cross join (values `;
const ROW = '(?, ?, ?, ?, ?, ?, ?)';
const ROW_NAMES = ') v(id, action, subject_type, subject_id, patient_id, outcome, reason)';

/** One thing that happened, for the audit trail. Ids only: never names or NHS numbers. */
export interface AuditEntry {
  readonly action: string;
  readonly subjectType: string;
  readonly subjectId?: string | null;
  readonly patientId?: string | null;
  readonly outcome?: AuditOutcome;
  readonly reason?: string | null;
}

/**
 * Writes audit rows for one request. `record` joins the caller's unit of work, so a write and its
 * audit row commit or roll back together; `recordNow` is for reads and denials, which have no
 * transaction of their own to join.
 */
export class AuditLog {
  /** DENIED rows this request's services wrote themselves (the denial audit then adds none). */
  denied = 0;

  constructor(
    private readonly actor: Actor | null,
    private readonly requestId: string,
  ) {}

  private row(entry: AuditEntry) {
    return {
      id: uuidv7(),
      at: new Date(),
      actorId: this.actor?.id ?? 'anonymous',
      actorType: this.actor?.kind ?? 'ANONYMOUS',
      organisationOds: this.actor?.organisationOds ?? null,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId ?? null,
      patientId: entry.patientId ?? null,
      outcome: entry.outcome ?? 'SUCCESS',
      requestId: this.requestId,
      reason: entry.reason ?? null,
      onBehalfOf: this.actor?.plugin?.onBehalfOf ?? null,
    };
  }

  /** Adds the row to `em`'s unit of work: it is written by the same flush/transaction as the change. */
  record(em: Em, entry: AuditEntry): void {
    if (entry.outcome === 'DENIED') this.denied += 1;
    em.persist(em.create(AuditEvent, this.row(entry)));
  }

  /**
   * The INSERT of a read's audit rows, to run as a data-modifying CTE of the very statement that
   * reads the rows (so a page and its audit rows cost one round trip and commit together): one
   * SUCCESS row of `entry` for each row of `source` whose rank (`columns.rank`, 1-based) is at most
   * `count`, its subject and patient taken from `columns`. Returns the SQL and its values, in order.
   */
  readsInsert(
    source: string,
    columns: { readonly subjectId: string; readonly patientId: string; readonly rank: string },
    entry: { readonly action: string; readonly subjectType: string },
    count: number,
  ): { sql: string; params: unknown[] } {
    const first = this.row(entry);
    const ids = Array.from({ length: count }, () => uuidv7());
    const sql = `insert into audit_event (id, at, actor_id, actor_type, organisation_ods, action, subject_type,
      subject_id, patient_id, outcome, request_id, reason, on_behalf_of)
      select n.id, ?::timestamptz, ?, ?, ?, ?, ?, (${columns.subjectId})::text, ${columns.patientId}, 'SUCCESS', ?, null, ?
      from ${source} s join unnest(?::uuid[]) with ordinality as n(id, rank) on n.rank = ${columns.rank}`;
    const params = [first.at, first.actorId, first.actorType, first.organisationOds, entry.action, entry.subjectType];
    params.push(first.requestId, first.onBehalfOf, `{${ids.join(',')}}`);
    return { sql, params };
  }

  /** Inserts rows at once, in one plain statement (a page of 200 reads writes 200 rows). */
  async recordNow(em: Em, entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const { sql, params } = this.insertOf(entries);
    await exec(em, sql, params);
  }

  /**
   * Adds the insert of `entries` to a statement of the change they audit (CTE `name`), so the
   * change and its audit rows are written by one statement, in its transaction.
   */
  addTo(statement: WithStatement, entries: readonly AuditEntry[], name = 'audit_rows'): void {
    if (entries.length === 0) return;
    const { sql, params } = this.insertOf(entries);
    statement.add(name, `${sql} returning 1`, params);
  }

  /**
   * Adds to a statement the SUCCESS row of `entry` for the row that its CTE `source` creates (at
   * most one), subject and patient taken from `columns` (SQL on `source` aliased `s`): no row
   * when `source` creates none.
   */
  addForCreated(
    statement: WithStatement,
    source: string,
    columns: { readonly subjectId: string; readonly patientId: string },
    entry: { readonly action: string; readonly subjectType: string },
    name = 'audit_rows',
  ): void {
    const { sql, params } = this.readsInsert(source, { ...columns, rank: '1' }, entry, 1);
    statement.add(name, `${sql} returning 1`, params);
  }

  private insertOf(entries: readonly AuditEntry[]): { sql: string; params: unknown[] } {
    this.denied += entries.filter((entry) => entry.outcome === 'DENIED').length;
    const first = this.row(entries[0]!);
    const params: unknown[] = [
      first.at,
      first.actorId,
      first.actorType,
      first.organisationOds,
      first.requestId,
      first.onBehalfOf,
    ];
    for (const entry of entries) {
      params.push(uuidv7(), entry.action, entry.subjectType, entry.subjectId ?? null, entry.patientId ?? null);
      params.push(entry.outcome ?? 'SUCCESS', entry.reason ?? null);
    }
    return { sql: `${INSERT}${entries.map(() => ROW).join(', ')}${ROW_NAMES}`, params };
  }
}
