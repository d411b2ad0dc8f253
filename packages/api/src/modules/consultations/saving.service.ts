import type { AuditEntry, AuditLog } from '../../platform/audit/audit.log.js';
import type { Em } from '../../platform/db/orm.js';
import { asDate, asJson, WithStatement } from '../../platform/db/sql.js';
import { APPENDED_HEADS, type StreamHint } from '../../platform/events/index.js';
import { uuidv7 } from '../../platform/ids.js';
import { Organisation } from '../organisations/index.js';
import { Patient } from '../patients/index.js';
import {
  decisionFactsColumns,
  decisionFactsOf,
  finishPlan,
  lineLockSql,
  planOf,
  NOTHING_WRITTEN_BACK,
  readWriteBack,
  recordsOf,
  RECORD_READS,
  withPlanWrites,
  withRecordReads,
  type ExistingRecord,
  type OrgFacts,
  type SavedConsultationFacts,
  type SavedEntry,
  type WriteBackFacts,
} from '../write-back/index.js';
import type { EntryContent } from './consultation.codes.js';
import { Consultation, ConsultationEntry } from './consultation.entity.js';
import { ConsultationErrors } from './consultations.errors.js';
import type { ConsultationFields } from './consultations.mappers.js';
import {
  applyContent,
  contentColumns,
  contentOf,
  validateEntry,
  type EntryColumns,
} from './consultations.validation.js';

/**
 * Opens a DRAFT consultation inside the caller's transaction (e.g. a referral's attendance), with
 * the defaults `recordConsultation` applies. The caller has checked the patient and audits it.
 */
export function openConsultation(
  em: Em,
  input: {
    patientId: string;
    authoringOrgId: string;
    authorId: string;
    location: string;
    startedAt?: Date;
    clinicallyRelevant?: boolean;
    sourceProduct?: string;
    inboxConsultationId?: string | null;
  },
): Consultation {
  return em.create(Consultation, {
    id: uuidv7(),
    patient: em.getReference(Patient, input.patientId),
    authoringOrganisation: em.getReference(Organisation, input.authoringOrgId),
    authorId: input.authorId,
    location: input.location.slice(0, 200),
    startedAt: input.startedAt ?? new Date(),
    clinicallyRelevant: input.clinicallyRelevant ?? true,
    sourceProduct: input.sourceProduct ?? 'NATIVE',
    inboxConsultationId: input.inboxConsultationId ?? null,
    state: 'DRAFT',
    version: 0,
  });
}

/** Adds one entry (already validated) to a consultation in `em`'s unit of work. */
export function addEntry(
  em: Em,
  consultation: Consultation,
  content: EntryContent,
  actorId: string,
): ConsultationEntry {
  const entry = em.create(ConsultationEntry, {
    id: uuidv7(),
    consultation,
    kind: content.kind,
    createdBy: actorId,
    updatedBy: actorId,
    revision: 1,
    savedRevision: 0,
  });
  applyContent(entry, content);
  return entry;
}

/** A consultation row as a write returns it (`returning *`). */
export interface ConsultationRow {
  readonly id: string;
  readonly patient_id: string;
  readonly authoring_organisation_id: string;
  readonly author_id: string;
  readonly location: string;
  readonly started_at: Date | string;
  readonly clinically_relevant: boolean;
  readonly source_product: string;
  readonly inbox_consultation_id: string | null;
  readonly state: 'DRAFT' | 'SAVED';
  readonly version: number;
  readonly revision: number;
  readonly saved_at: Date | string | null;
  readonly saved_by: string | null;
  readonly created_at: Date | string;
  readonly updated_at: Date | string;
}

/**
 * The consultation a write left (its returned row), for the API's answer. No entity is made for
 * it, unless `em` already holds the consultation: that one is refreshed, so a later change in
 * the same request does not see it stale.
 */
export function consultationOf(em: Em, row: ConsultationRow): ConsultationFields {
  if (em.getUnitOfWork().getById(Consultation, row.id)) return em.map(Consultation, row);
  return {
    id: row.id,
    patient: { id: row.patient_id },
    authoringOrganisation: { id: row.authoring_organisation_id },
    authorId: row.author_id,
    location: row.location,
    startedAt: asDate(row.started_at),
    clinicallyRelevant: row.clinically_relevant,
    sourceProduct: row.source_product,
    inboxConsultationId: row.inbox_consultation_id,
    state: row.state,
    version: row.version,
    revision: row.revision,
    savedAt: asDate(row.saved_at),
    savedBy: row.saved_by,
    createdAt: asDate(row.created_at),
  };
}

/**
 * Adds the insert of new entries (already validated) to a statement (CTE `new_entries`), in the
 * order given: entries of the consultation(s) that `consultation` (a CTE of the statement with an
 * `id` column) returns.
 */
export function withNewEntries(
  statement: WithStatement,
  consultation: string,
  contents: readonly EntryContent[],
  actorId: string,
  now: Date,
): void {
  if (contents.length === 0) return;
  const rows = contents.map((content, ord) => {
    const c = contentColumns(content);
    return {
      ord,
      id: uuidv7(),
      kind: c.kind,
      coded_kind: c.codedKind,
      snomed_code: c.snomedCode,
      term: c.term,
      text: c.text,
      admin_only: c.adminOnly,
      dmd_code: c.dmdCode,
      medication_name: c.medicationName,
      dose: c.dose,
      quantity: c.quantity,
      document_title: c.documentTitle,
      document_content_type: c.documentContentType,
      document_size_bytes: c.documentSizeBytes,
      document_reference: c.documentReference,
    };
  });
  statement.add(
    'new_entries',
    `insert into consultation_entry (id, consultation_id, kind, coded_kind, snomed_code, term, text, admin_only,
       dmd_code, medication_name, dose, quantity, document_title, document_content_type, document_size_bytes,
       document_reference, removed, revision, saved_revision, created_by, updated_by, created_at, updated_at)
     select x.id, c.id, x.kind, x.coded_kind, x.snomed_code, x.term, x.text, x.admin_only, x.dmd_code,
       x.medication_name, x.dose, x.quantity, x.document_title, x.document_content_type, x.document_size_bytes,
       x.document_reference, false, 1, 0, ?, ?, ?::timestamptz, ?::timestamptz
     from jsonb_to_recordset(?::jsonb) as x(ord int, id uuid, kind text, coded_kind text, snomed_code text, term text,
       text text, admin_only boolean, dmd_code text, medication_name text, dose text, quantity text,
       document_title text, document_content_type text, document_size_bytes int, document_reference text)
     cross join ${consultation} c
     order by x.ord
     returning 1`,
    [actorId, actorId, now, now, JSON.stringify(rows)],
  );
}

/** The entries a save changes (read with their write-back records), or null: to be read. */
interface Changes {
  readonly entries: readonly ChangedEntry[];
  readonly records: ReadonlyMap<string, ExistingRecord>;
}

type ChangedEntry = EntryColumns & { id: string; removed: boolean };

/** A consultation locked for a change that may save it, with what its save reads. */
export interface LockedConsultation {
  readonly id: string;
  readonly patientId: string;
  readonly authoringOrgId: string;
  readonly authorId: string;
  readonly location: string;
  readonly startedAt: Date;
  readonly clinicallyRelevant: boolean;
  readonly sourceProduct: string;
  readonly state: 'DRAFT' | 'SAVED';
  readonly version: number;
  readonly revision: number;
  readonly source: OrgFacts & { readonly name: string };
  /** The patient's registered practice. */
  readonly target: OrgFacts & { readonly name: string };
  /** What the write-back decision reads of the source -> target pair and the PCN. */
  readonly decision: Pick<WriteBackFacts, 'agreement' | 'practiceToPracticeWriteBack'>;
  /** The changed entries as of the lock; null when they must be read again (changed since). */
  readonly changes: Changes | null;
}

type JsonRows<T> = readonly T[] | string;

interface LockedRow {
  id: string;
  patient_id: string;
  authoring_organisation_id: string;
  author_id: string;
  location: string;
  started_at: Date | string;
  clinically_relevant: boolean;
  source_product: string;
  state: 'DRAFT' | 'SAVED';
  version: number;
  revision: number;
  read_revision: number;
  source_kind: OrgFacts['kind'];
  source_ods_code: string;
  source_active: boolean;
  source_name: string;
  target_id: string;
  target_kind: OrgFacts['kind'];
  target_ods_code: string;
  target_active: boolean;
  target_name: string;
  wb_agreement: unknown;
  wb_practice_to_practice: boolean;
  entries: JsonRows<ChangedEntry>;
  wb_records: JsonRows<ExistingRecord>;
}

/** The entries of consultation `?` changed since its last save (content columns by property name). */
const CHANGED_ENTRIES = `select e.id, e.kind, e.coded_kind as "codedKind", e.snomed_code as "snomedCode", e.term, e.text,
    e.admin_only as "adminOnly", e.dmd_code as "dmdCode", e.medication_name as "medicationName", e.dose, e.quantity,
    e.document_title as "documentTitle", e.document_content_type as "documentContentType",
    e.document_size_bytes as "documentSizeBytes", e.document_reference as "documentReference", e.removed
  from consultation_entry e where e.consultation_id = ? and e.revision <> e.saved_revision`;

const CHANGES = `(select coalesce(json_agg(x order by x.id), '[]'::json) from changed x) as entries, ${RECORD_READS}`;

/** The statement reading the changed entries of a consultation and their write-back records. */
function changesStatement(id: string): WithStatement {
  const statement = new WithStatement().add('changed', CHANGED_ENTRIES, [id]);
  withRecordReads(statement, 'changed');
  return statement;
}

// One statement: the consultation row locked (changes to one consultation serialise) with the
// organisations and the write-back decision facts its save reads; the patient's line at the
// registered practice locked (every writer of a line locks it before the line's rows); and the
// changed entries with their write-back records. Those are read on the statement's snapshot, taken
// before any wait for the row lock: `read_revision` is the row's revision on that snapshot, and
// every change of an entry bumps it, so they are the entries as locked when it equals `revision`
// (the locked row's), else they are read again.
const LOCK_FOR_SAVE = `select c.id, c.patient_id, c.authoring_organisation_id, c.author_id, c.location, c.started_at,
    c.clinically_relevant, c.source_product, c.state, c.version, c.revision,
    (select r.revision from consultation r where r.id = c.id) as read_revision,
    s.kind as source_kind, s.ods_code as source_ods_code, s.active as source_active, s.name as source_name,
    t.id as target_id, t.kind as target_kind, t.ods_code as target_ods_code, t.active as target_active,
    t.name as target_name,
    ${decisionFactsColumns('s.id', 't.id', '?::uuid')},
    ${lineLockSql('t.id', 'c.patient_id')} is null as line_locked,
    ${CHANGES}
  from consultation c
  join patient p on p.id = c.patient_id
  join organisation s on s.id = c.authoring_organisation_id
  join organisation t on t.id = p.registered_practice_id
  where c.id = ?
  for update of c`;

/**
 * Locks a consultation for a change that may save it, inside the caller's transaction, and reads
 * what its save needs with it (see LOCK_FOR_SAVE); null when there is none. The caller applies
 * the visibility and change rules. `pcnId`: the actor's PCN, whose practice-to-practice switch
 * the decision reads.
 */
export async function lockForSave(tx: Em, id: string, pcnId: string): Promise<LockedConsultation | null> {
  if (!tx.getTransactionContext()) throw new Error('lockForSave must run inside a transaction');
  const [row] = await changesStatement(id).run<LockedRow>(tx, LOCK_FOR_SAVE, [pcnId, id]);
  if (!row) return null;
  return {
    id: row.id,
    patientId: row.patient_id,
    authoringOrgId: row.authoring_organisation_id,
    authorId: row.author_id,
    location: row.location,
    startedAt: asDate(row.started_at),
    clinicallyRelevant: row.clinically_relevant,
    sourceProduct: row.source_product,
    state: row.state,
    version: row.version,
    revision: row.revision,
    source: {
      id: row.authoring_organisation_id,
      kind: row.source_kind,
      odsCode: row.source_ods_code,
      active: row.source_active,
      name: row.source_name,
    },
    target: {
      id: row.target_id,
      kind: row.target_kind,
      odsCode: row.target_ods_code,
      active: row.target_active,
      name: row.target_name,
    },
    decision: decisionFactsOf(row),
    changes:
      row.read_revision === row.revision ? { entries: asJson(row.entries), records: recordsOf(row.wb_records) } : null,
  };
}

/**
 * Saves the next version of a consultation locked by {@link lockForSave}, inside the caller's
 * transaction: version + 1, every changed entry marked saved, and write-back decided for those
 * entries (transactional outbox), with `audit`'s row when given. The entries come with the lock;
 * their write-back as it stands is read only when they have records (saved before); then
 * one statement writes the consultation, the entries, the write-back records and deliveries, the
 * events and the audit row (and one more only when a cancelled delivery headed the patient's
 * line). Returns the hints to send after commit, how many entries changed, and the saved
 * consultation's row; `saved` is false (and nothing changes) for a SAVED consultation with no
 * changes.
 */
export async function saveNextVersion(
  tx: Em,
  c: LockedConsultation,
  actorId: string,
  pcnId: string,
  audit: { readonly log: AuditLog; readonly entry: (version: number, changed: number) => AuditEntry } | null = null,
): Promise<{ hints: StreamHint[]; changed: number; saved: boolean; row: ConsultationRow | null }> {
  let changes = c.changes;
  if (!changes) {
    const [read] = await changesStatement(c.id).run<Pick<LockedRow, 'entries' | 'wb_records'>>(tx, `select ${CHANGES}`);
    changes = { entries: asJson(read!.entries), records: recordsOf(read!.wb_records) };
  }
  const changed = changes.entries;
  if (c.state === 'SAVED' && changed.length === 0) return { hints: [], changed: 0, saved: false, row: null };

  const now = new Date();
  const version = c.version + 1;
  const facts: SavedConsultationFacts = {
    pcnId,
    consultationId: c.id,
    consultationVersion: version,
    patientId: c.patientId,
    source: c.source,
    target: c.target,
    location: c.location,
    authorId: c.authorId,
    startedAt: c.startedAt,
    savedAt: now,
    clinicallyRelevant: c.clinicallyRelevant,
    sourceProduct: c.sourceProduct,
  };
  const plan =
    changed.length > 0
      ? planOf(
          facts,
          changed.map((entry): SavedEntry => {
            const content = contentOf(entry);
            return {
              id: entry.id,
              removed: entry.removed,
              adminOnly: content.kind === 'NOTE' && content.adminOnly,
              content,
            };
          }),
          {
            source: c.source,
            target: c.target,
            clinicallyRelevant: c.clinicallyRelevant,
            sourceProduct: c.sourceProduct,
            ...c.decision,
          },
          // Entries saved before have records: their write-back as it stands, after the line lock.
          changes.records.size > 0
            ? await readWriteBack(
                tx,
                changed.map((entry) => entry.id),
              )
            : NOTHING_WRITTEN_BACK,
          actorId,
        )
      : null;

  const writes = new WithStatement()
    .add(
      'saved_consultation',
      `update consultation set state = 'SAVED', version = ?, saved_at = ?::timestamptz, saved_by = ?,
         updated_at = ?::timestamptz, revision = revision + 1
       where id = ? returning *`,
      [version, now, actorId, now, c.id],
    )
    .add(
      'saved_entries',
      `update consultation_entry set saved_revision = revision, updated_at = ?::timestamptz
       where consultation_id = ? and revision <> saved_revision returning 1`,
      [now, c.id],
    );
  if (plan) withPlanWrites(writes, plan);
  if (audit) audit.log.addTo(writes, [audit.entry(version, changed.length)]);
  const [saved] = await writes.run<ConsultationRow & { appended_heads: unknown }>(
    tx,
    `select c.*, ${plan ? `(select json_agg(h) from ${APPENDED_HEADS} h)` : 'null'} as appended_heads
     from saved_consultation c`,
  );
  const { appended_heads: heads, ...row } = saved!;
  const hints = plan ? await finishPlan(tx, plan, asJson(heads as { stream: string; seq: number }[])) : [];
  return { hints, changed: changed.length, saved: true, row };
}

/**
 * For prescribing, inside the caller's (issue) transaction: adds the MEDICATION entries of an
 * issued prescription to its consultation, whoever the consultation's author is. On a SAVED
 * consultation it saves the next version, so the entries are written back like any other; on a
 * DRAFT they wait for the author's save. Returns the write-back hints to send after commit.
 */
export async function recordIssuedMedication(
  em: Em,
  input: {
    consultationId: string;
    actorId: string;
    pcnId: string;
    entries: readonly { kind: 'MEDICATION'; dmdCode: string; name: string; dose: string; quantity: string }[];
  },
): Promise<StreamHint[]> {
  if (!em.getTransactionContext()) throw new Error('recordIssuedMedication must run inside a transaction');
  const contents = input.entries.map((entry, i) => validateEntry({ medication: entry }, `entries[${i}]`));
  const c = await lockForSave(em, input.consultationId, input.pcnId);
  if (!c) throw ConsultationErrors.notFound(input.consultationId, 'input.consultationId');
  // The entries, and the consultation a draft (of its next version, when it was saved).
  const now = new Date();
  const statement = new WithStatement().add(
    'drafted',
    `update consultation set state = 'DRAFT', updated_at = ?::timestamptz, revision = revision + 1
     where id = ? returning *`,
    [now, c.id],
  );
  withNewEntries(statement, 'drafted', contents, input.actorId, now);
  const [drafted] = await statement.run<ConsultationRow>(em, 'select * from drafted');
  if (c.state !== 'SAVED') {
    consultationOf(em, drafted!);
    return [];
  }
  const { hints, row } = await saveNextVersion(
    em,
    { ...c, state: 'DRAFT', revision: drafted!.revision, changes: null },
    input.actorId,
    input.pcnId,
  );
  consultationOf(em, row!);
  return hints;
}
