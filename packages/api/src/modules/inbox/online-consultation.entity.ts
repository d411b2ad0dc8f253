import { p, type Opt } from '@mikro-orm/core';
import { Organisation } from '../organisations/index.js';
import { Patient } from '../patients/index.js';
import { HubService } from '../hub-services/index.js';
import { CONSULTATION_STATES } from './online-consultation.state.js';
import { DUE_AT_SQL } from './overdue.sql.js';
import {
  CONSULTATION_TYPES,
  ROUTING_REASONS,
  UNASSIGNED_URGENCY_RANK,
  URGENCIES,
  type OcAnswer,
  type OcAttachment,
  type OcIce,
  type OcRedFlag,
  type OcSignpost,
} from './inbox.codes.js';
import { createdAt, hubEntity, updatedAt } from '../../platform/db/properties.js';

/**
 * An online consultation as the supplier sent it, plus its place in the workflow. The submitted
 * demographics are stored as sent (they may not match any patient); `patient` is the match.
 */
const OnlineConsultationSchema = hubEntity(
  'OnlineConsultation',
  'online_consultation',
  {
    /** Supplier code, e.g. ECONSULT; with `supplierReference` the business key of a submission. */
    supplier: p.string().length(40),
    supplierReference: p.string().length(100),
    originatingPractice: () => p.manyToOne(Organisation).ref().index(),
    /** The one organisation (hub or practice) whose inbox holds it. */
    owner: () => p.manyToOne(Organisation).ref(),
    patient: () => p.manyToOne(Patient).ref().nullable().index(),
    nhsNumber: p.string().length(10),
    givenName: p.string().length(100),
    familyName: p.string().length(100),
    dateOfBirth: p.date(),
    /** Contact channels the patient gave for replies (+447... and an e-mail address); patient data, never logged. */
    mobile: p.string().length(13).nullable(),
    email: p.string().length(254).nullable(),
    type: p.enum(CONSULTATION_TYPES),
    template: p.string().length(200),
    submittedAt: p.datetime(),
    responseExpectedBy: p.datetime().nullable(),
    /**
     * Computed by the database (a stored generated column, never written): `responseExpectedBy`
     * while the consultation is open, else {@link NOT_DUE}. The key of the OVERDUE folder and order.
     */
    dueAt: p.datetime().$type<Opt<Date>>().generated(DUE_AT_SQL),
    answers: p.json<OcAnswer[]>(),
    redFlags: p.json<OcRedFlag[]>(),
    redFlagCount: p.integer(),
    ice: p.json<OcIce>().nullable(),
    attachments: p.json<OcAttachment[]>(),
    state: p.enum(CONSULTATION_STATES),
    urgency: p.enum(URGENCIES).nullable(),
    /** Sort key of `urgency` (0 = SAME_DAY … unassigned last); kept in step by the service. */
    urgencyRank: p.smallint().default(UNASSIGNED_URGENCY_RANK),
    signpost: p.json<OcSignpost>().nullable(),
    signpostService: () => p.manyToOne(HubService).ref().nullable().index(),
    routingReason: p.enum(ROUTING_REASONS),
    /** Lock: the holder's actor id, organisation and role family (for "same team" overrides). */
    lockHolder: p.string().length(100).nullable(),
    lockHolderOrgId: p.uuid().nullable(),
    lockHolderFamily: p.string().length(20).nullable(),
    lockSince: p.datetime().nullable(),
    lockExpiresAt: p.datetime().nullable(),
    triageNotes: p.text().nullable(),
    outcome: p.string().length(200).nullable(),
    version: p.integer().version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  {
    uniques: [{ properties: ['supplier', 'supplierReference'] }],
    indexes: [
      { properties: ['owner', 'state'] },
      { properties: ['owner', 'submittedAt'] },
      { properties: ['owner', 'dueAt', 'submittedAt', 'id'] },
    ],
  },
);

export class OnlineConsultation extends OnlineConsultationSchema.class {}
OnlineConsultationSchema.setClass(OnlineConsultation);

/** Append-only history: one row per transition, with who, why and when. */
const ConsultationTransitionSchema = hubEntity('ConsultationTransition', 'consultation_transition', {
  consultation: () => p.manyToOne(OnlineConsultation).ref().index(),
  action: p.string().length(30),
  fromState: p.string().length(30),
  toState: p.string().length(30),
  actorId: p.string().length(100),
  reason: p.text().nullable(),
  fromOwnerId: p.uuid().nullable(),
  toOwnerId: p.uuid(),
  at: createdAt(),
});

export class ConsultationTransition extends ConsultationTransitionSchema.class {}
ConsultationTransitionSchema.setClass(ConsultationTransition);
