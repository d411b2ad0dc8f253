import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateTime } from '../../../platform/graphql/scalars.js';
import type { EpsOperation, EpsOutcome, EpsStatus } from './eps.codes.js';
import { EpsOperationEnum, EpsOutcomeEnum, EpsStatusEnum } from './eps.enums.js';
import { PrescriptionType } from '../prescribing.types.js';

@ObjectType('EpsMessage', {
  description: 'One EPS message of a prescription (its order, its cancellation) and where it is. Ids and codes only.',
})
export class EpsMessageType {
  @Field(() => ID, {
    description: 'The message id (a UUID): Bundle.id of the rendered message, the same on every attempt.',
  })
  messageId!: string;

  @Field(() => EpsOperationEnum, { description: 'Order or cancellation.' })
  operation!: EpsOperation;

  @Field(() => EpsStatusEnum, { description: 'Where it is.' })
  status!: EpsStatus;

  @Field(() => Int, { description: 'Transient failures reported so far (each one redelivered by the hub).' })
  retries!: number;

  @Field(() => String, {
    nullable: true,
    description: "The last error code reported (EPS's, e.g. DUPLICATE_PRESCRIPTION_ID or R-0004).",
  })
  errorCode!: string | null;

  @Field(() => String, { nullable: true, description: 'The plugin that reported the last outcome.' })
  reportedBy!: string | null;

  @Field(() => DateTime, { description: 'When it was queued.' })
  createdAt!: Date;

  @Field(() => DateTime, { description: 'When its status last changed.' })
  updatedAt!: Date;
}

@InputType('RecordEpsOutcomeInput', { description: 'What EPS answered to a message the plugin sent.' })
export class RecordEpsOutcomeInput {
  @Field(() => ID, { description: 'The message id (`messageId` of the eps.* event, Bundle.id of the message).' })
  messageId!: string;

  @Field(() => EpsOutcomeEnum, { description: 'ACCEPTED, REJECTED or RETRYING.' })
  outcome!: EpsOutcome;

  @Field(() => String, {
    nullable: true,
    description:
      "EPS's error code (REJECTED needs one) or the plugin's for a transient failure: 1-40 of A-Z, a-z, 0-9, _ and -. No patient data.",
  })
  errorCode?: string | null;
}

@ObjectType('RecordEpsOutcomePayload', { description: 'Result of recordEpsOutcome.' })
export class RecordEpsOutcomePayload {
  @Field(() => EpsMessageType, { description: 'The message after the change.' })
  epsMessage!: EpsMessageType;

  @Field(() => PrescriptionType, { description: 'Its prescription.' })
  prescription!: PrescriptionType;
}
