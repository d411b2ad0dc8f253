import type { Em } from '../../../platform/db/orm.js';
import type { StreamHint } from '../../../platform/events/index.js';
import { uuidv7 } from '../../../platform/ids.js';
import { SENDING_WINDOW_MS, writeBackStateOf, type DeliveryKind, type DeliveryState } from '../write-back.codes.js';
import { findAgreementFacts, practiceToPracticeEnabled } from '../agreements/agreements.service.js';
import { appendWriteBackEvents, type WriteBackChange } from '../write-back.events.js';
import { WriteBackDelivery, WriteBackRecord } from '../write-back-record.entity.js';
import { decideWriteBack, type OrgFacts, type WriteBackFacts, type WriteBackVerdict } from '../write-back.policy.js';
import { lineBusy, lockLines, promoteNext } from '../delivery/lines.worker.js';
import { exec, placeholders } from '../../../platform/db/sql.js';
import { currentTraceparent } from '../../../platform/observability/tracing.js';

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

interface LockedDelivery {
  id: string;
  message_id: string;
  version: number;
  state: DeliveryState;
  first_attempt_at: Date | string | null;
}

interface AttemptedDelivery {
  record_id: string;
  message_id: string;
  version: number;
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
 * Decides, in the save transaction, the write-back of every entry the save changed, and writes the
 * outbox rows (transactional outbox): a PENDING delivery per entry to write back. Inside the
 * sending window an amendment rewrites the delivery that has not been attempted yet (only the
 * latest version goes out); once a version has been attempted, the next one is a new delivery
 * with the next version number that `replaces` it. Returns the hints to send after commit.
 */
export async function planWriteBack(
  em: Em,
  facts: SavedConsultationFacts,
  entries: readonly SavedEntry[],
  actorId: string,
  replan: ReplanCause | null = null,
): Promise<StreamHint[]> {
  if (entries.length === 0) return [];
  const decisionFacts = await loadWriteBackFacts(em, { ...facts, pcnId: facts.pcnId });
  const entryIds = entries.map((e) => e.id);
  const records = new Map(
    (await em.find(WriteBackRecord, { entryId: { $in: entryIds } })).map((record) => [record.entryId, record]),
  );
  const line = `${facts.target.id}:${facts.patientId}`;
  // The patient line first (every writer of a line locks it before its rows), then the current
  // deliveries: a worker claiming one skips it (SKIP LOCKED) or has committed its claim before we
  // read it, so "not attempted yet" below stays true until we commit.
  await lockLines(em, [line]);
  let busy = await lineBusy(em, line);
  const currentIds = [...records.values()].flatMap((r) => (r.currentDeliveryId ? [r.currentDeliveryId] : []));
  const locked = new Map<string, LockedDelivery>();
  if (currentIds.length > 0) {
    const rows = await exec<LockedDelivery>(
      em,
      `select id, message_id, version, state, first_attempt_at from write_back_delivery where id in (${placeholders(currentIds.length)}) for update`,
      currentIds,
    );
    for (const row of rows) locked.set(row.id, row);
  }
  const recordIds = [...records.values()].map((r) => r.id);
  const attempted = new Map<string, AttemptedDelivery>();
  if (recordIds.length > 0) {
    const rows = await exec<AttemptedDelivery>(
      em,
      `select distinct on (record_id) record_id, message_id, version from write_back_delivery
       where record_id in (${placeholders(recordIds.length)}) and first_attempt_at is not null
       order by record_id, version desc`,
      recordIds,
    );
    for (const row of rows) attempted.set(row.record_id, row);
  }

  const changes: WriteBackChange[] = [];
  // A re-plan sends now (the sending window runs from the re-plan); the payload keeps the save's facts.
  const now = replan?.at ?? facts.savedAt;
  let promote = false;
  for (const entry of entries) {
    let record = records.get(entry.id) ?? null;
    const current = record?.currentDeliveryId ? (locked.get(record.currentDeliveryId) ?? null) : null;
    const unattemptedPending =
      current && (current.state === 'PENDING' || current.state === 'WAITING') && current.first_attempt_at === null
        ? current
        : null;
    const lastAttempted = record ? (attempted.get(record.id) ?? null) : null;

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

    if (!record) {
      record = em.create(WriteBackRecord, {
        id: uuidv7(),
        entryId: entry.id,
        consultationId: facts.consultationId,
        patientId: facts.patientId,
        pcnId: facts.pcnId,
        sourceOrgId: facts.source.id,
        targetOrgId: facts.target.id,
        decision: verdict.decision,
        reason: '',
        decidedAt: now,
      });
    }
    record.decision = verdict.decision;
    record.reason = verdict.reasons.join('; ');
    record.agreementId = verdict.agreementId;
    record.decidedAt = now;
    keepStory(record, verdict.decision, replan, now, { facts, entry });

    let delivery: { id: string; state: DeliveryState; messageId: string | null; version: number | null } | null = null;
    if (verdict.decision === 'WRITE_BACK') {
      const payload = payloadOf(facts, entry);
      const dueAt = new Date(now.getTime() + SENDING_WINDOW_MS);
      if (unattemptedPending) {
        // Within the window and not attempted: send only the latest version, under the same message id.
        await exec(
          em,
          `update write_back_delivery set payload = ?, kind = ?, due_at = ?, next_attempt_at = ?, updated_at = ? where id = ?`,
          [JSON.stringify(payload), kind, dueAt, now, now, unattemptedPending.id],
        );
        delivery = {
          id: unattemptedPending.id,
          state: unattemptedPending.state,
          messageId: unattemptedPending.message_id,
          version: unattemptedPending.version,
        };
      } else {
        if (current?.state === 'DEAD') await supersede(em, current.id, now);
        const created = em.create(WriteBackDelivery, {
          id: uuidv7(),
          messageId: uuidv7(),
          recordId: record.id,
          entryId: entry.id,
          consultationId: facts.consultationId,
          patientId: facts.patientId,
          pcnId: facts.pcnId,
          sourceOrgId: facts.source.id,
          targetOrgId: facts.target.id,
          orderingKey: line,
          kind,
          version: (lastAttempted?.version ?? 0) + 1,
          replacesMessageId: lastAttempted?.message_id ?? null,
          payload,
          // Behind whatever the line already holds: deliveries of one patient record go in order.
          state: busy ? 'WAITING' : 'PENDING',
          attempts: 0,
          totalAttempts: 0,
          nextAttemptAt: now,
          traceParent: currentTraceparent(),
          dueAt,
        });
        record.currentDeliveryId = created.id;
        delivery = { id: created.id, state: created.state, messageId: created.messageId, version: created.version };
        busy = true;
      }
    } else if (unattemptedPending) {
      // Not to be sent any more (blocked, admin, or removed before sending): cancel the unsent delivery.
      await supersede(em, unattemptedPending.id, now);
      if (unattemptedPending.state === 'PENDING') promote = true;
    }

    changes.push({
      targetOrgId: facts.target.id,
      state: writeBackStateOf(verdict.decision, delivery?.state ?? null),
      recordId: record.id,
      entryId: entry.id,
      consultationId: facts.consultationId,
      deliveryId: delivery?.id ?? null,
      messageId: delivery?.messageId ?? null,
      version: delivery?.version ?? null,
      actorId,
    });
  }
  await em.flush();
  // A cancelled head hands the line to the next delivery.
  if (promote) await promoteNext(em, [line]);
  return appendWriteBackEvents(em, changes);
}

/** The blocked plan and the re-plan story of a record, after a save or a re-plan decided `decision`. */
function keepStory(
  record: WriteBackRecord,
  decision: WriteBackVerdict['decision'],
  replan: ReplanCause | null,
  now: Date,
  plan: BlockedPlan,
): void {
  if (decision === 'BLOCKED') {
    record.blockedPlan = JSON.parse(JSON.stringify(plan)) as Record<string, unknown>;
    record.blockedAt = now; // the latest save that blocked it: the look-back window counts from here
    record.replannedAt = record.replannedBy = record.replanReason = null;
    return;
  }
  record.blockedPlan = null;
  if (replan) {
    record.replannedAt = replan.at;
    record.replannedBy = replan.by;
    record.replanReason = replan.reason;
  } else {
    record.blockedAt = record.replannedAt = record.replannedBy = record.replanReason = null;
  }
}

async function supersede(em: Em, deliveryId: string, now: Date): Promise<void> {
  await exec(em, `update write_back_delivery set state = 'SUPERSEDED', updated_at = ? where id = ?`, [now, deliveryId]);
}
