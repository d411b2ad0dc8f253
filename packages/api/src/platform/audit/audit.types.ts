import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DateTime } from '../graphql/scalars.js';
import { connectionTypes } from '../graphql/relay.js';

@ObjectType('AuditEvent', {
  description: 'One audited action: who did what to which subject, and the outcome. Append-only.',
})
export class AuditEventType {
  /** Database id (the keyset cursor's); not exposed. */
  dbId!: string;

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
