import type { Em } from '../../../platform/db/orm.js';
import { asDate, asJson, exec, WithStatement } from '../../../platform/db/sql.js';
import {
  APPENDED_HEADS,
  appendedSeqs,
  withAppendedEvents,
  type EventInput,
  type StreamHint,
} from '../../../platform/events/index.js';
import { uuidv7 } from '../../../platform/ids.js';
import { currentTraceparent } from '../../../platform/observability/tracing.js';
import { findAgreementFacts, practiceToPracticeEnabled } from '../agreements/agreements.service.js';
import type { WriteBackRecord } from '../write-back-record.entity.js';
import { SENDING_WINDOW_MS, writeBackStateOf, type DeliveryKind, type DeliveryState } from '../write-back.codes.js';
import { latestPerStream, writeBackEvents, type WriteBackChange } from '../write-back.events.js';
import { decideWriteBack, type OrgFacts, type WriteBackFacts, type WriteBackVerdict } from '../write-back.policy.js';
import { lineOf, lockLines, promoteNext } from '../delivery/lines.worker.js';

/** The saved consultation, as write-back needs it. */
export interface SavedConsultationFacts {
  readonly pcnId: string;
  readonly consultationId: string;
  readonly consultationVersion: number;
  readonly patientId: string;
  readonly source: OrgFacts & { readonly name: string };
  /** The patient's registered practice. */
  readonly target: OrgFacts & { readonly name: string };
  readonly location: string;
  readonly authorId: string;
  readonly startedAt: Date;
  readonly savedAt: Date;
  readonly clinicallyRelevant: boolean;
  readonly sourceProduct: string;
}

/** One entry changed by the save: its content (with `kind`), or its removal. */
export interface SavedEntry {
  readonly id: string;
  readonly removed: boolean;
  readonly adminOnly: boolean;
  readonly content: Readonly<Record<string, unknown>>;
}

/** Loads what the decision reads for a source -> target pair. */
export async function loadWriteBackFacts(
  em: Em,
  facts: Omit<WriteBackFacts, 'agreement' | 'practiceToPracticeWriteBack'> & { pcnId: string },
): Promise<WriteBackFacts> {
  const [agreement, practiceToPracticeWriteBack] = await Promise.all([
    findAgreementFacts(em, facts.source.id, facts.target.id),
    practiceToPracticeEnabled(em, facts.pcnId),
  ]);
  return {
    source: facts.source,
    target: facts.target,
    clinicallyRelevant: facts.clinicallyRelevant,
    sourceProduct: facts.sourceProduct,
    practiceToPracticeWriteBack,
    agreement,
  };
}

/** Why and by whom a blocked entry is planned again (`backfill.service.ts`). */
export interface ReplanCause {
  readonly at: Date;
  readonly by: string;
  readonly reason: string;
}

/** What a BLOCKED save keeps on its record, to be planned again when an agreement allows it. */
interface BlockedPlan {
  readonly facts: SavedConsultationFacts;
  readonly entry: SavedEntry;
}

/** The kept plan of a blocked record (dates back from JSON), or null when none was kept. */
export function readBlockedPlan(record: WriteBackRecord): BlockedPlan | null {
  const raw = record.blockedPlan as { facts?: Record<string, unknown>; entry?: SavedEntry } | null;
  if (!raw?.facts || !raw.entry) return null;
  const facts = raw.facts as unknown as SavedConsultationFacts & { startedAt: string; savedAt: string };
  return {
    facts: { ...facts, startedAt: new Date(facts.startedAt), savedAt: new Date(facts.savedAt) },
    entry: raw.entry,
  };
}

/** An entry's write-back record as planning reads it. */
export interface ExistingRecord {
  readonly id: string;
  readonly entry_id: string;
  readonly current_delivery_id: string | null;
  readonly blocked_at: Date | string | null;
}

/** A record's current delivery, locked. */
interface LockedDelivery {
  readonly id: string;
  readonly message_id: string;
  readonly version: number;
  readonly state: DeliveryState;
  readonly first_attempt_at: Date | string | null;
}

/** A record's latest delivery that was attempted (sent at least once). */
interface AttemptedDelivery {
  readonly record_id: string;
  readonly message_id: string;
  readonly version: number;
}

/** What planning reads of the entries' write-back as it stands. */
export interface PlanReads {
  /** By entry id. */
  readonly records: ReadonlyMap<string, ExistingRecord>;
  /** By delivery id. */
  readonly current: ReadonlyMap<string, LockedDelivery>;
  /** By record id. */
  readonly attempted: ReadonlyMap<string, AttemptedDelivery>;
}

/**
 * Adds to a statement the read of the write-back records of the entries listed by `source` (a CTE
 * of the statement with an `id` column). The main query selects {@link RECORD_READS};
 * {@link recordsOf} reads them.
 */
export function withRecordReads(statement: WithStatement, source: string): void {
  statement.add(
    'wb_records',
    `select r.id, r.entry_id, r.current_delivery_id, r.blocked_at from write_back_record r
     where r.entry_id in (select id from ${source})`,
  );
}

/** The column of the main query that carries {@link withRecordReads}' rows. */
export const RECORD_READS = `(select coalesce(json_agg(r), '[]'::json) from wb_records r) as wb_records`;

/** The records {@link withRecordReads} read, by entry id. */
export function recordsOf(json: readonly ExistingRecord[] | string): ReadonlyMap<string, ExistingRecord> {
  return new Map(asJson(json).map((r) => [r.entry_id, r]));
}

/** Planning's reads for entries without records: nothing to read. */
export const NOTHING_WRITTEN_BACK: PlanReads = { records: new Map(), current: new Map(), attempted: new Map() };

/**
 * Reads, in one statement, the write-back of entries as planning needs it, the patient line being
 * locked already: their records (every writer of a record holds its line, so they stay as read
 * until we commit), their current deliveries, locked (a worker claiming one skips it, SKIP
 * LOCKED, or has committed its claim before we read it, so "not attempted yet" stays true until we
 * commit), and each record's latest attempted delivery. (An entry gets its first record from a
 * save, under its consultation's lock: a save that read none for its entries with that lock held
 * needs no more, {@link NOTHING_WRITTEN_BACK}.)
 */
export async function readWriteBack(em: Em, entryIds: readonly string[]): Promise<PlanReads> {
  if (entryIds.length === 0) return NOTHING_WRITTEN_BACK;
  const [row] = await exec<{
    wb_records: Json<ExistingRecord>;
    wb_current: Json<LockedDelivery>;
    wb_attempted: Json<AttemptedDelivery>;
  }>(
    em,
    `with wb_records as (
       select r.id, r.entry_id, r.current_delivery_id, r.blocked_at from write_back_record r
       where r.entry_id in (select value::uuid from jsonb_array_elements_text(?::jsonb))),
     wb_current as (
       select d.id, d.message_id, d.version, d.state, d.first_attempt_at from write_back_delivery d
       where d.id in (select current_delivery_id from wb_records)
       for update),
     wb_attempted as (
       select distinct on (d.record_id) d.record_id, d.message_id, d.version from write_back_delivery d
       where d.record_id in (select id from wb_records) and d.first_attempt_at is not null
       order by d.record_id, d.version desc)
     select ${RECORD_READS},
       (select coalesce(json_agg(d), '[]'::json) from wb_current d) as wb_current,
       (select coalesce(json_agg(a), '[]'::json) from wb_attempted a) as wb_attempted`,
    [JSON.stringify(entryIds)],
  );
  const fresh = recordsOf(row!.wb_records);
  const current = new Map(asJson(row!.wb_current).map((d) => [d.id, d]));
  const attempted = new Map(asJson(row!.wb_attempted).map((a) => [a.record_id, a]));
  // The current delivery, as locked, counts as attempted too: a claim that committed while we
  // waited for its row lock is seen by the lock, not by the rest of the statement.
  for (const record of fresh.values()) {
    const locked = record.current_delivery_id ? current.get(record.current_delivery_id) : undefined;
    const known = attempted.get(record.id);
    if (locked && locked.first_attempt_at !== null && (!known || locked.version > known.version)) {
      attempted.set(record.id, { record_id: record.id, message_id: locked.message_id, version: locked.version });
    }
  }
  return { records: fresh, current, attempted };
}

type Json<T> = readonly T[] | string;

/** One record row to write: a new record, or the mutable columns of an existing one. */
interface RecordRow {
  readonly id: string;
  readonly entry_id: string;
  readonly decision: WriteBackVerdict['decision'];
  readonly reason: string;
  readonly agreement_id: string | null;
  /** The new delivery; null keeps the record's current one (none for a new record). */
  readonly current_delivery_id: string | null;
  readonly decided_at: Date;
  readonly blocked_plan: Record<string, unknown> | null;
  readonly blocked_at: Date | null;
  readonly replanned_at: Date | null;
  readonly replanned_by: string | null;
  readonly replan_reason: string | null;
}

/** A new delivery; `first`: the first this plan queues (PENDING when the line is idle, else WAITING). */
interface NewDelivery {
  readonly ord: number;
  readonly id: string;
  readonly message_id: string;
  readonly record_id: string;
  readonly entry_id: string;
  readonly kind: DeliveryKind;
  readonly version: number;
  readonly replaces_message_id: string | null;
  readonly payload: Record<string, unknown>;
  readonly first: boolean;
  readonly trace_parent: string | null;
  readonly next_attempt_at: Date;
  readonly due_at: Date;
}

/** What a save (or re-plan) writes for write-back: decided in memory, written by one statement. */
export interface WriteBackPlan {
  readonly facts: SavedConsultationFacts;
  readonly line: string;
  readonly now: Date;
  readonly records: readonly RecordRow[];
  /** Unattempted deliveries rewritten with the latest version (same message id). */
  readonly rewrites: readonly { id: string; payload: Record<string, unknown>; kind: DeliveryKind; due_at: Date }[];
  /** Deliveries not to be sent any more (cancelled unsent, or a DEAD one replaced). */
  readonly superseded: readonly string[];
  readonly created: readonly NewDelivery[];
  readonly events: readonly EventInput[];
  /** A cancelled delivery headed the line: the next one is promoted after the write. */
  readonly promote: boolean;
}

function payloadOf(facts: SavedConsultationFacts, entry: SavedEntry): Record<string, unknown> {
  return {
    heading: `Enterprise Consultation (${facts.location})`,
    targetOdsCode: facts.target.odsCode,
    consultation: {
      id: facts.consultationId,
      version: facts.consultationVersion,
      startedAt: facts.startedAt.toISOString(),
      savedAt: facts.savedAt.toISOString(),
      location: facts.location,
      authorId: facts.authorId,
      clinicallyRelevant: facts.clinicallyRelevant,
      sourceProduct: facts.sourceProduct,
      sourceOrganisation: { id: facts.source.id, odsCode: facts.source.odsCode, name: facts.source.name },
    },
    entry: { id: entry.id, ...entry.content },
  };
}

/**
 * Decides the write-back of every entry a save changed, in memory, from what was read of their
 * write-back ({@link PlanReads}): a record per entry, and a delivery per entry to write back. Inside the sending window an
 * amendment rewrites the delivery that has not been attempted yet (only the latest version goes
 * out); once a version has been attempted, the next one is a new delivery with the next version
 * number that `replaces` it.
 */
export function planOf(
  facts: SavedConsultationFacts,
  entries: readonly SavedEntry[],
  decisionFacts: WriteBackFacts,
  reads: PlanReads,
  actorId: string,
  replan: ReplanCause | null = null,
): WriteBackPlan {
  // A re-plan sends now (the sending window runs from the re-plan); the payload keeps the save's facts.
  const now = replan?.at ?? facts.savedAt;
  const records: RecordRow[] = [];
  const rewrites: WriteBackPlan['rewrites'][number][] = [];
  const superseded: string[] = [];
  const created: NewDelivery[] = [];
  const changes: WriteBackChange[] = [];
  let promote = false;
  for (const entry of entries) {
    const existing = reads.records.get(entry.id) ?? null;
    const current = existing?.current_delivery_id ? (reads.current.get(existing.current_delivery_id) ?? null) : null;
    const unattemptedPending =
      current && (current.state === 'PENDING' || current.state === 'WAITING') && current.first_attempt_at === null
        ? current
        : null;
    const lastAttempted = existing ? (reads.attempted.get(existing.id) ?? null) : null;

    let verdict: WriteBackVerdict = decideWriteBack(decisionFacts, entry);
    let kind: DeliveryKind = 'ENTRY';
    if (entry.removed) {
      if (!lastAttempted) {
        verdict = {
          ...verdict,
          decision: 'NOT_REQUIRED',
          reasons: ['entry removed before it was written back', ...verdict.reasons],
        };
      } else {
        kind = 'REMOVAL';
      }
    }

    const recordId = existing?.id ?? uuidv7();
    let delivery: { id: string; messageId: string; version: number } | null = null;
    let newDeliveryId: string | null = null;
    if (verdict.decision === 'WRITE_BACK') {
      const payload = payloadOf(facts, entry);
      const dueAt = new Date(now.getTime() + SENDING_WINDOW_MS);
      if (unattemptedPending) {
        // Within the window and not attempted: send only the latest version, under the same message id.
        rewrites.push({ id: unattemptedPending.id, payload, kind, due_at: dueAt });
        delivery = {
          id: unattemptedPending.id,
          messageId: unattemptedPending.message_id,
          version: unattemptedPending.version,
        };
      } else {
        if (current?.state === 'DEAD') superseded.push(current.id);
        const next: NewDelivery = {
          ord: created.length,
          id: uuidv7(),
          message_id: uuidv7(),
          record_id: recordId,
          entry_id: entry.id,
          kind,
          version: (lastAttempted?.version ?? 0) + 1,
          replaces_message_id: lastAttempted?.message_id ?? null,
          payload,
          // Behind whatever the line already holds: deliveries of one patient record go in order.
          first: created.length === 0,
          trace_parent: currentTraceparent(),
          next_attempt_at: now,
          due_at: dueAt,
        };
        created.push(next);
        newDeliveryId = next.id;
        delivery = { id: next.id, messageId: next.message_id, version: next.version };
      }
    } else if (unattemptedPending) {
      // Not to be sent any more (blocked, admin, or removed before sending): cancel the unsent delivery.
      superseded.push(unattemptedPending.id);
      if (unattemptedPending.state === 'PENDING') promote = true;
    }

    records.push({
      id: recordId,
      entry_id: entry.id,
      decision: verdict.decision,
      reason: verdict.reasons.join('; '),
      agreement_id: verdict.agreementId,
      current_delivery_id: newDeliveryId,
      decided_at: now,
      ...storyOf(verdict.decision, replan, now, { facts, entry }, existing ? asDate(existing.blocked_at) : null),
    });
    changes.push({
      targetOrgId: facts.target.id,
      // A queued delivery (new or rewritten, PENDING or WAITING) shows as PENDING.
      state: writeBackStateOf(verdict.decision, null),
      recordId,
      entryId: entry.id,
      consultationId: facts.consultationId,
      deliveryId: delivery?.id ?? null,
      messageId: delivery?.messageId ?? null,
      version: delivery?.version ?? null,
      actorId,
    });
  }
  return {
    facts,
    line: lineOf(facts.target.id, facts.patientId),
    now,
    records,
    rewrites,
    superseded,
    created,
    events: writeBackEvents(changes),
    promote,
  };
}

/** The blocked plan and the re-plan story of a record, after a save or a re-plan decided `decision`. */
function storyOf(
  decision: WriteBackVerdict['decision'],
  replan: ReplanCause | null,
  now: Date,
  plan: BlockedPlan,
  blockedAt: Date | null,
): Pick<RecordRow, 'blocked_plan' | 'blocked_at' | 'replanned_at' | 'replanned_by' | 'replan_reason'> {
  if (decision === 'BLOCKED') {
    // The latest save that blocked it: the look-back window counts from here.
    return {
      blocked_plan: JSON.parse(JSON.stringify(plan)) as Record<string, unknown>,
      blocked_at: now,
      replanned_at: null,
      replanned_by: null,
      replan_reason: null,
    };
  }
  if (replan) {
    return {
      blocked_plan: null,
      blocked_at: blockedAt,
      replanned_at: replan.at,
      replanned_by: replan.by,
      replan_reason: replan.reason,
    };
  }
  return { blocked_plan: null, blocked_at: null, replanned_at: null, replanned_by: null, replan_reason: null };
}

/**
 * Adds the writes of a plan to a statement (the transactional outbox: in the save's transaction):
 * the records (new ones inserted, existing ones updated), the deliveries rewritten, superseded and
 * queued, and one event per entry on the practice's write-back stream. The statement's main query
 * selects `stream, seq` from `APPENDED_HEADS` for {@link finishPlan}. The line must be locked and
 * the current deliveries locked ({@link readWriteBack}): the stream heads are the only rows the
 * statement may wait for, so the events come last as the change recipe requires.
 */
export function withPlanWrites(statement: WithStatement, plan: WriteBackPlan): void {
  const { facts } = plan;
  const written = new Date();
  // The ids every record and delivery of the plan carries: consultation, patient, PCN, source, target.
  const planIds = [facts.consultationId, facts.patientId, facts.pcnId, facts.source.id, facts.target.id];
  statement.add(
    'wb_record_rows',
    `insert into write_back_record (id, entry_id, consultation_id, patient_id, pcn_id, source_org_id, target_org_id,
       decision, reason, agreement_id, current_delivery_id, decided_at, blocked_plan, blocked_at, replanned_at,
       replanned_by, replan_reason, created_at, updated_at)
     select x.id, x.entry_id, ?::uuid, ?::uuid, ?::uuid, ?::uuid, ?::uuid, x.decision, x.reason, x.agreement_id,
       x.current_delivery_id, x.decided_at, x.blocked_plan, x.blocked_at, x.replanned_at, x.replanned_by,
       x.replan_reason, ?::timestamptz, ?::timestamptz
     from jsonb_to_recordset(?::jsonb) as x(id uuid, entry_id uuid, decision text, reason text, agreement_id uuid,
       current_delivery_id uuid, decided_at timestamptz, blocked_plan jsonb, blocked_at timestamptz,
       replanned_at timestamptz, replanned_by text, replan_reason text)
     on conflict (entry_id) do update set decision = excluded.decision, reason = excluded.reason,
       agreement_id = excluded.agreement_id,
       current_delivery_id = coalesce(excluded.current_delivery_id, write_back_record.current_delivery_id),
       decided_at = excluded.decided_at, blocked_plan = excluded.blocked_plan, blocked_at = excluded.blocked_at,
       replanned_at = excluded.replanned_at, replanned_by = excluded.replanned_by,
       replan_reason = excluded.replan_reason, updated_at = excluded.updated_at
     returning 1`,
    [...planIds, written, written, JSON.stringify(plan.records)],
  );
  if (plan.rewrites.length > 0) {
    statement.add(
      'wb_rewritten',
      `update write_back_delivery d set payload = x.payload, kind = x.kind, due_at = x.due_at,
         next_attempt_at = ?::timestamptz, updated_at = ?::timestamptz
       from jsonb_to_recordset(?::jsonb) as x(id uuid, payload jsonb, kind text, due_at timestamptz)
       where d.id = x.id
       returning 1`,
      [plan.now, plan.now, JSON.stringify(plan.rewrites)],
    );
  }
  if (plan.superseded.length > 0) {
    statement.add(
      'wb_superseded',
      `update write_back_delivery set state = 'SUPERSEDED', updated_at = ?::timestamptz
       where id in (select value::uuid from jsonb_array_elements_text(?::jsonb))
       returning 1`,
      [plan.now, JSON.stringify(plan.superseded)],
    );
  }
  if (plan.created.length > 0) {
    // The line is busy when it already holds a delivery queued or in flight (this statement's own
    // changes are not visible to it: a delivery it cancels still counts, as it did when locked).
    statement.add(
      'wb_queued',
      `insert into write_back_delivery (id, message_id, record_id, entry_id, consultation_id, patient_id, pcn_id,
         source_org_id, target_org_id, ordering_key, kind, version, replaces_message_id, payload, state, attempts,
         total_attempts, trace_parent, next_attempt_at, due_at, created_at, updated_at)
       select x.id, x.message_id, x.record_id, x.entry_id, ?::uuid, ?::uuid, ?::uuid, ?::uuid, ?::uuid, l.line,
         x.kind, x.version, x.replaces_message_id, x.payload,
         case when x.first
           and not exists (select 1 from write_back_delivery w
                           where w.ordering_key = l.line and w.state in ('PENDING', 'SENDING', 'RETRYING'))
           and not exists (select 1 from write_back_delivery w where w.ordering_key = l.line and w.state = 'WAITING')
           then 'PENDING' else 'WAITING' end,
         0, 0, x.trace_parent, x.next_attempt_at, x.due_at, ?::timestamptz, ?::timestamptz
       from jsonb_to_recordset(?::jsonb) as x(ord int, id uuid, message_id uuid, record_id uuid, entry_id uuid,
         kind text, version int, replaces_message_id uuid, payload jsonb, first boolean, trace_parent text,
         next_attempt_at timestamptz, due_at timestamptz)
       cross join (select ?::text as line) l
       order by x.ord
       returning 1`,
      [...planIds, written, written, JSON.stringify(plan.created), plan.line],
    );
  }
  withAppendedEvents(statement, plan.events);
}

/**
 * After the statement of {@link withPlanWrites} ran (`heads`: its `APPENDED_HEADS` rows): a
 * cancelled head hands the line to the next delivery. Returns the hints to send after commit.
 */
export async function finishPlan(
  em: Em,
  plan: WriteBackPlan,
  heads: readonly { stream: string; seq: string | number }[],
): Promise<StreamHint[]> {
  if (plan.promote) await promoteNext(em, [plan.line]);
  return latestPerStream(appendedSeqs(plan.events, heads));
}

/**
 * Decides, in the caller's transaction, the write-back of `entries` and writes it (see
 * {@link planOf}, {@link withPlanWrites}): the patient line is locked first (every writer of a
 * line locks it before its rows), then the records and current deliveries are read, then one
 * statement writes records, deliveries and events. For callers that write nothing else in the
 * same statement (a re-plan); the save composes the same parts with its own. Returns the hints
 * to send after commit.
 */
export async function planWriteBack(
  em: Em,
  facts: SavedConsultationFacts,
  entries: readonly SavedEntry[],
  actorId: string,
  replan: ReplanCause | null = null,
): Promise<StreamHint[]> {
  if (entries.length === 0) return [];
  if (!em.getTransactionContext()) throw new Error('planWriteBack must run inside a transaction');
  const decisionFacts = await loadWriteBackFacts(em, facts);
  await lockLines(em, [lineOf(facts.target.id, facts.patientId)]);
  const reads = await readWriteBack(
    em,
    entries.map((e) => e.id),
  );
  const plan = planOf(facts, entries, decisionFacts, reads, actorId, replan);
  const writes = new WithStatement();
  withPlanWrites(writes, plan);
  const heads = await writes.run<{ stream: string; seq: string | number }>(
    em,
    `select stream, seq from ${APPENDED_HEADS}`,
  );
  return finishPlan(em, plan, heads);
}
