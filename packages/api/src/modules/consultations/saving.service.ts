import { LockMode } from '@mikro-orm/core';
import type { Em } from '../../platform/db/orm.js';
import type { StreamHint } from '../../platform/events/index.js';
import { uuidv7 } from '../../platform/ids.js';
import { Organisation } from '../organisations/index.js';
import { Patient } from '../patients/index.js';
import { planWriteBack, type OrgFacts } from '../write-back/index.js';
import type { EntryContent } from './consultation.codes.js';
import { Consultation, ConsultationEntry } from './consultation.entity.js';
import { ConsultationErrors } from './consultations.errors.js';
import { applyContent, contentOf, validateEntry } from './consultations.validation.js';

const orgFacts = (org: Organisation): OrgFacts & { name: string } => ({
  id: org.id,
  kind: org.kind,
  odsCode: org.odsCode,
  active: org.active,
  name: org.name,
});

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

/**
 * Saves the next version of a consultation whose row the caller has locked, inside the caller's
 * transaction: version + 1, every changed entry marked saved, and write-back decided for those
 * entries (transactional outbox). Returns the hints to send after commit and how many entries
 * changed; `saved` is false (and nothing changes) for a SAVED consultation with no changes.
 */
export async function saveNextVersion(
  em: Em,
  c: Consultation,
  actorId: string,
  pcnId: string,
): Promise<{ hints: StreamHint[]; changed: number; saved: boolean }> {
  const entries = await em.find(ConsultationEntry, { consultation: c.id }, { orderBy: { id: 'asc' } });
  const changed = entries.filter((e) => e.revision !== e.savedRevision);
  if (c.state === 'SAVED' && changed.length === 0) return { hints: [], changed: 0, saved: false };
  const now = new Date();
  c.version += 1;
  c.state = 'SAVED';
  c.savedAt = now;
  c.savedBy = actorId;
  c.updatedAt = now;
  for (const entry of changed) entry.savedRevision = entry.revision;
  const patient = await em.findOneOrFail(Patient, { id: c.patient.id });
  const [source, target] = await Promise.all([
    em.findOneOrFail(Organisation, { id: c.authoringOrganisation.id }),
    em.findOneOrFail(Organisation, { id: patient.registeredPractice.id }),
  ]);
  await em.flush();
  const hints = await planWriteBack(
    em,
    {
      pcnId,
      consultationId: c.id,
      consultationVersion: c.version,
      patientId: patient.id,
      source: orgFacts(source),
      target: orgFacts(target),
      location: c.location,
      authorId: c.authorId,
      startedAt: c.startedAt,
      savedAt: now,
      clinicallyRelevant: c.clinicallyRelevant,
      sourceProduct: c.sourceProduct,
    },
    changed.map((entry) => {
      const content = contentOf(entry);
      return { id: entry.id, removed: entry.removed, adminOnly: content.kind === 'NOTE' && content.adminOnly, content };
    }),
    actorId,
  );
  return { hints, changed: changed.length, saved: true };
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
  const c = await em.findOne(Consultation, { id: input.consultationId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!c) throw ConsultationErrors.notFound(input.consultationId, 'input.consultationId');
  const wasSaved = c.state === 'SAVED';
  for (const content of contents) addEntry(em, c, content, input.actorId);
  if (!wasSaved) {
    c.updatedAt = new Date();
    return [];
  }
  c.state = 'DRAFT';
  const { hints } = await saveNextVersion(em, c, input.actorId, input.pcnId);
  return hints;
}
