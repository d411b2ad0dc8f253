import { Arg, Authorized, Field, ID, InputType, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { AuthenticatedContext } from '../context.js';
import { DateTime } from '../graphql/scalars.js';
import { connectionTypes, expectGlobalId, pageSize, toConnection, toGlobalId } from '../graphql/relay.js';
import type { AuditEvent } from './audit-event.entity.js';
import { findAuditTrail } from './audit.service.js';
import { ROLES } from '../auth/roles.js';
import { AuthCtx } from '../auth/auth-context.js';
import { keyset } from '../graphql/keyset.js';

@ObjectType('AuditEvent', {
  description: 'One audited action: who did what to which subject, and the outcome. Append-only.',
})
export class AuditEventType {
  @Field(() => ID, { description: 'Opaque id.' })
  id!: string;

  @Field(() => DateTime, { description: 'When it happened.' })
  at!: Date;

  @Field(() => String, { description: 'Token subject of the actor (username or client id).' })
  actorId!: string;

  @Field(() => String, { description: 'USER, INTEGRATION, PLUGIN or ANONYMOUS.' })
  actorType!: string;

  @Field(() => String, { nullable: true, description: "ODS code of the actor's organisation." })
  organisationOds!: string | null;

  @Field(() => String, {
    description: 'What was done, e.g. readPatient, addPractice, Mutation.addPractice (for a denial).',
  })
  action!: string;

  @Field(() => String, { description: 'Type of the subject.' })
  subjectType!: string;

  @Field(() => String, { nullable: true, description: 'Database id of the subject.' })
  subjectId!: string | null;

  @Field(() => ID, { nullable: true, description: 'Global id of the patient concerned, if any.' })
  patientId!: string | null;

  @Field(() => String, { description: 'SUCCESS, DENIED or FAILED.' })
  outcome!: string;

  @Field(() => String, { nullable: true, description: 'Request id: joins the audit trail to the server log.' })
  requestId!: string | null;

  @Field(() => String, { nullable: true, description: 'Reason given, if any.' })
  reason!: string | null;

  @Field(() => String, { nullable: true, description: 'For a plugin: the staff username it said it acted for.' })
  onBehalfOf!: string | null;
}

export const { Connection: AuditEventConnection } = connectionTypes(
  'AuditEvent',
  AuditEventType,
  'A page of audit events, newest first.',
);

@InputType('AuditEventFilter', { description: 'Narrows the audit trail.' })
export class AuditEventFilter {
  @Field(() => ID, { nullable: true, description: 'Global id of a patient.' })
  patientId?: string | null;

  @Field(() => String, { nullable: true, description: 'Token subject of an actor.' })
  actorId?: string | null;

  @Field(() => DateTime, { nullable: true, description: 'At or after this time.' })
  from?: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'Before this time.' })
  to?: Date | null;
}

function toType(row: AuditEvent): AuditEventType {
  return {
    id: toGlobalId('AuditEvent', row.id),
    at: row.at,
    actorId: row.actorId,
    actorType: row.actorType,
    organisationOds: row.organisationOds ?? null,
    action: row.action,
    subjectType: row.subjectType,
    subjectId: row.subjectId ?? null,
    patientId: row.patientId ? toGlobalId('Patient', row.patientId) : null,
    outcome: row.outcome,
    requestId: row.requestId ?? null,
    onBehalfOf: row.onBehalfOf ?? null,
    reason: row.reason ?? null,
  };
}

/** The trail, newest first (ids are UUIDv7). */
const AUDIT_PAGE = keyset<AuditEvent>([{ property: 'id', part: 'uuid', of: (row) => row.id }], 'desc');

@Resolver()
export class AuditResolver {
  @Authorized(...ROLES.administrators)
  @Query(() => AuditEventConnection, {
    description:
      "The audit trail, newest first. A hub manager reads the trail of the PCN's organisations (denials included); a practice admin reads every access to the patients registered with the practice, by anyone (the data controller's view).",
  })
  async auditEvents(
    @Arg('filter', () => AuditEventFilter, { nullable: true, description: 'Filters.' }) filter: AuditEventFilter | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1-200 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor from a previous page.' }) after: string | null,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<InstanceType<typeof AuditEventConnection>> {
    const size = pageSize(first);
    const rows = await findAuditTrail(ctx.em, {
      pcnId: ctx.actor.pcnId,
      registeredPracticeId: ctx.actor.roles.has('HUB_MANAGER') ? null : ctx.actor.organisationId,
      patientId: filter?.patientId ? expectGlobalId(filter.patientId, 'Patient', 'filter.patientId') : null,
      actorId: filter?.actorId ?? null,
      from: filter?.from ?? null,
      to: filter?.to ?? null,
      beforeId: (AUDIT_PAGE.decode(after)?.[0] as string | undefined) ?? null,
      limit: size + 1,
    });
    return toConnection(rows, size, Boolean(after), toType, AUDIT_PAGE.cursorOf);
  }
}
