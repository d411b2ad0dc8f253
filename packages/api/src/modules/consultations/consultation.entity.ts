import { p } from '@mikro-orm/core';
import { Organisation } from '../organisations/index.js';
import { Patient } from '../patients/index.js';
import { CODED_KINDS, CONSULTATION_STATES, ENTRY_KINDS } from './consultation.codes.js';
import { createdAt, hubEntity, updatedAt } from '../../platform/db/properties.js';

/**
 * A consultation recorded at the hub (or a practice): the unit that is saved and versioned.
 * `version` counts saves (the document version write-back sends); `revision` is the optimistic
 * lock bumped by every change.
 */
const ConsultationSchema = hubEntity('Consultation', 'consultation', {
  patient: () => p.manyToOne(Patient).ref().index(),
  authoringOrganisation: () => p.manyToOne(Organisation).ref().index(),
  /** Actor id (staff username or integration client id) of the author. */
  authorId: p.string().length(100),
  location: p.string().length(200),
  startedAt: p.datetime(),
  clinicallyRelevant: p.boolean(),
  /** NATIVE, or the id of the plugin (third-party product) that created it. */
  sourceProduct: p.string().length(64),
  /** The inbox item it was opened from, if any (a plain id: the inbox owns that table). */
  inboxConsultationId: p.uuid().nullable().index(),
  state: p.enum(CONSULTATION_STATES),
  version: p.integer().default(0),
  revision: p.integer().version(),
  savedAt: p.datetime().nullable(),
  savedBy: p.string().length(100).nullable(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export class Consultation extends ConsultationSchema.class {}
ConsultationSchema.setClass(Consultation);

/**
 * One entry of a consultation. Columns by kind; the others stay null. An entry removed after a
 * save is kept (removed = true) so the save can write its removal back.
 */
const ConsultationEntrySchema = hubEntity('ConsultationEntry', 'consultation_entry', {
  consultation: () => p.manyToOne(Consultation).ref().index(),
  kind: p.enum(ENTRY_KINDS),
  codedKind: p.enum(CODED_KINDS).nullable(),
  snomedCode: p.string().length(18).nullable(),
  term: p.string().length(255).nullable(),
  text: p.text().nullable(),
  adminOnly: p.boolean().default(false),
  dmdCode: p.string().length(18).nullable(),
  medicationName: p.string().length(255).nullable(),
  dose: p.string().length(500).nullable(),
  quantity: p.string().length(100).nullable(),
  documentTitle: p.string().length(255).nullable(),
  documentContentType: p.string().length(100).nullable(),
  documentSizeBytes: p.integer().nullable(),
  documentReference: p.string().length(500).nullable(),
  removed: p.boolean().default(false),
  /** Bumped by every change; equal to `savedRevision` when the latest save includes it. */
  revision: p.integer().default(1),
  savedRevision: p.integer().default(0),
  createdBy: p.string().length(100),
  updatedBy: p.string().length(100),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export class ConsultationEntry extends ConsultationEntrySchema.class {}
ConsultationEntrySchema.setClass(ConsultationEntry);
