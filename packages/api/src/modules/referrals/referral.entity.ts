import { p } from '@mikro-orm/core';
import { Slot } from '../appointments/index.js';
import { HubService, REFERRAL_METHODS } from '../hub-services/index.js';
import { Organisation } from '../organisations/index.js';
import { Patient } from '../patients/index.js';
import { HubTeam } from './referral-setup.entity.js';
import { REFERRAL_STATES } from './referral.state.js';
import { TASK_CATEGORIES } from './referrals.codes.js';
import { createdAt, hubEntity, updatedAt } from '../../platform/db/properties.js';
import type { DocumentMetadata } from '../../platform/documents.js';

/** A referral letter's metadata (the letter itself lives in the sender's document store). */
export type ReferralDocument = DocumentMetadata;

/**
 * A patient referred by a practice (or hub triage) into a hub service by one method. The NHS
 * number travels with the referral so hub admin can trace the patient without a side channel.
 */
const ReferralSchema = hubEntity(
  'Referral',
  'referral',
  {
    method: p.enum(REFERRAL_METHODS),
    hub: () => p.manyToOne(Organisation).ref(),
    service: () => p.manyToOne(HubService).ref().index(),
    /** The referring practice. */
    fromOrganisation: () => p.manyToOne(Organisation).ref(),
    patient: () => p.manyToOne(Patient).ref().index(),
    nhsNumber: p.string().length(10),
    state: p.enum(REFERRAL_STATES),
    slot: () => p.manyToOne(Slot).ref().nullable().index(),
    consentToRecordAccess: p.boolean().default(false),
    consentRecordedAt: p.datetime().nullable(),
    consentRecordedBy: p.string().length(100).nullable(),
    /** Why the patient is referred (clinical free text; never logged). */
    reason: p.text().nullable(),
    team: () => p.manyToOne(HubTeam).ref().nullable(),
    taskSubject: p.string().length(200).nullable(),
    taskCategory: p.enum(TASK_CATEGORIES).nullable(),
    taskBody: p.text().nullable(),
    document: p.json<ReferralDocument>().nullable(),
    /** The inbox item it came from (a plain id: the inbox owns that table). */
    onlineConsultationId: p.uuid().nullable().unique(),
    /** The hub consultation opened at attendance (a plain id: the consultations module owns it). */
    consultationId: p.uuid().nullable(),
    /** The reason of the latest refusal or cancellation. */
    outcomeReason: p.string().length(500).nullable(),
    createdBy: p.string().length(100),
    version: p.integer().version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  {
    indexes: [
      { properties: ['hub', 'state'] },
      { properties: ['hub', 'createdAt'] },
      { properties: ['fromOrganisation', 'createdAt'] },
    ],
  },
);

export class Referral extends ReferralSchema.class {}
ReferralSchema.setClass(Referral);

/** Append-only history: one row per transition, with who, why and when. */
const ReferralTransitionSchema = hubEntity('ReferralTransition', 'referral_transition', {
  referral: () => p.manyToOne(Referral).ref().index(),
  /** Null for the creation. */
  fromState: p.string().length(30).nullable(),
  toState: p.string().length(30),
  actorId: p.string().length(100),
  reason: p.string().length(500).nullable(),
  at: createdAt(),
});

export class ReferralTransition extends ReferralTransitionSchema.class {}
ReferralTransitionSchema.setClass(ReferralTransition);
