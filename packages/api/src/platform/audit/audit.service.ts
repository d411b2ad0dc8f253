import type { Em } from '../db/orm.js';
import { asDate, asJson, exec, SqlConditions } from '../db/sql.js';
import { toGlobalId } from '../graphql/relay.js';
import { AuditEventType } from './audit.types.js';

/** What the audit trail is narrowed by; ids are database ids, already decoded from global ids. */
export interface AuditTrailQuery {
  /** The PCN whose organisations' trail is read: the PCN itself, its hub and its practices. */
  readonly pcnId: string;
  /**
   * A practice's view (its admins, as data controller): only events about patients registered
   * with this practice, whoever's they are.
   */
  readonly registeredPracticeId?: string | null;
  readonly patientId?: string | null;
  readonly actorId?: string | null;
  /** At or after. */
  readonly from?: Date | null;
  /** Before. */
  readonly to?: Date | null;
  /** Keyset cursor: only events with a smaller (older) id. */
  readonly beforeId?: string | null;
  readonly limit: number;
}

type Setter = (event: AuditEventType, value: unknown) => void;

/** The trail's GraphQL fields: the SQL of each and where its value goes. A page reads only those selected. */
const FIELDS: Readonly<Record<string, readonly [sql: string, set: Setter]>> = {
  at: ['a.at', (e, v) => void (e.at = asDate(v as string))],
  actorId: ['a.actor_id', (e, v) => void (e.actorId = v as string)],
  actorType: ['a.actor_type', (e, v) => void (e.actorType = v as string)],
  organisationOds: ['a.organisation_ods', (e, v) => void (e.organisationOds = v as string | null)],
  action: ['a.action', (e, v) => void (e.action = v as string)],
  subjectType: ['a.subject_type', (e, v) => void (e.subjectType = v as string)],
  subjectId: ['a.subject_id', (e, v) => void (e.subjectId = v as string | null)],
  patientId: ['a.patient_id', (e, v) => void (e.patientId = v ? toGlobalId('Patient', v as string) : null)],
  outcome: ['a.outcome', (e, v) => void (e.outcome = v as string)],
  requestId: ['a.request_id', (e, v) => void (e.requestId = v as string | null)],
  reason: ['a.reason', (e, v) => void (e.reason = v as string | null)],
  onBehalfOf: ['a.on_behalf_of', (e, v) => void (e.onBehalfOf = v as string | null)],
};

const plans = new WeakMap<ReadonlySet<string>, { json: string; setters: Setter[] }>();

/** The JSON array of a row (the id, then the selected fields) and how to read it, memoised per selection. */
function planOf(fields: ReadonlySet<string>): { json: string; setters: Setter[] } {
  let plan = plans.get(fields);
  if (!plan) {
    const selected = [...fields].flatMap((field) => (FIELDS[field] ? [FIELDS[field]] : []));
    plan = {
      json: `json_build_array(${['a.id', ...selected.map(([sql]) => sql)].join(', ')})`,
      setters: selected.map(([, set]) => set),
    };
    plans.set(fields, plan);
  }
  return plan;
}

/**
 * One page of a PCN's audit trail, newest first (uuidv7 ids sort by time), in one statement of
 * only the `fields` (GraphQL names) the selection asks for, each row packed into JSON and made the
 * GraphQL object directly.
 */
export async function findAuditTrail(
  em: Em,
  fields: ReadonlySet<string>,
  query: AuditTrailQuery,
): Promise<AuditEventType[]> {
  const where = new SqlConditions();
  if (query.registeredPracticeId) {
    // Every access to the practice's registered patients, by anyone: the organisation filter gives way.
    where.add(
      'a.patient_id in (select p.id from patient p where p.registered_practice_id = ?)',
      query.registeredPracticeId,
    );
  } else {
    where.add(
      'a.organisation_ods = any(array(select o.ods_code from organisation o where o.id = ? or o.pcn_id = ?))',
      query.pcnId,
      query.pcnId,
    );
  }
  if (query.patientId) where.add('a.patient_id = ?', query.patientId);
  if (query.actorId) where.add('a.actor_id = ?', query.actorId);
  if (query.from) where.add('a.at >= ?', query.from);
  if (query.to) where.add('a.at < ?', query.to);
  if (query.beforeId) where.add('a.id < ?', query.beforeId);
  const plan = planOf(fields);
  const rows = await exec<{ r: unknown[] | string }>(
    em,
    `select ${plan.json} as r from audit_event a where ${where.and()} order by a.id desc limit ?`,
    [...where.params, query.limit],
  );
  return rows.map(({ r }) => {
    const values = asJson<unknown[]>(r);
    const event = new AuditEventType();
    event.dbId = values[0] as string;
    event.id = toGlobalId('AuditEvent', event.dbId);
    for (let i = 0; i < plan.setters.length; i++) plan.setters[i]!(event, values[i + 1]);
    return event;
  });
}
