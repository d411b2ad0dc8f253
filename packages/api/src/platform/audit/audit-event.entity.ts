import { p } from '@mikro-orm/core';
import { hubEntity } from '../db/properties.js';

export const AUDIT_OUTCOMES = ['SUCCESS', 'DENIED', 'FAILED'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/**
 * Append-only: a database trigger (see the migrations) refuses UPDATE and DELETE, so not even a
 * bug in the service layer can rewrite history.
 */
const AuditEventSchema = hubEntity('AuditEvent', 'audit_event', {
  at: p
    .datetime()
    .onCreate(() => new Date())
    .index(),
  actorId: p.string().length(100).index(),
  actorType: p.string().length(20),
  organisationOds: p.string().length(12).nullable(),
  action: p.string().length(100),
  subjectType: p.string().length(50),
  subjectId: p.string().length(100).nullable(),
  patientId: p.uuid().nullable().index(),
  outcome: p.enum(AUDIT_OUTCOMES),
  requestId: p.string().length(64).nullable(),
  reason: p.string().length(500).nullable(),
  /** The staff user a plugin said it acted for (plugins only). */
  onBehalfOf: p.string().length(100).nullable(),
});

export class AuditEvent extends AuditEventSchema.class {}
AuditEventSchema.setClass(AuditEvent);
