import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { OdsCodeScalar } from '@pcn-hub/schema';
import type { TargetKind } from './write-back.codes.js';
import { TargetKindEnum } from './write-back.enums.js';
import {
  WriteBackAgreementType,
  WriteBackDeliveryType,
  WriteBackPolicyType,
  WriteBackTargetType,
} from './write-back.types.js';

@InputType('RequestWriteBackAgreementInput', {
  description: 'A write-back agreement from a source organisation to a practice.',
})
export class RequestWriteBackAgreementInput {
  @Field(() => OdsCodeScalar, {
    description: 'The organisation whose entries are written back (the hub or a practice).',
  })
  sourceOdsCode!: string;
  @Field(() => OdsCodeScalar, { description: 'The practice whose record receives them.' })
  targetOdsCode!: string;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Practice-to-practice only: lets the pair through while the PCN switch is off.',
  })
  oneToOne?: boolean | null;
  @Field(() => String, {
    nullable: true,
    description: 'Retry-safe key: a repeat with the same input returns the same agreement.',
  })
  idempotencyKey?: string | null;
}

@InputType('WriteBackAgreementInput', { description: 'Names an agreement.' })
export class WriteBackAgreementInput {
  @Field(() => ID, { description: 'Global id of the agreement.' })
  agreementId!: string;
}

@ObjectType('WriteBackAgreementPayload', { description: 'Result of an agreement mutation.' })
export class WriteBackAgreementPayload {
  @Field(() => WriteBackAgreementType, { description: 'The agreement after the change.' })
  agreement!: WriteBackAgreementType;
}

@InputType('SetPracticeToPracticeWriteBackInput', {
  description: 'Turns practice-to-practice write-back on or off for the PCN.',
})
export class SetPracticeToPracticeWriteBackInput {
  @Field(() => Boolean, {
    description: 'On: any ACTIVE agreement lets a practice pair through. Off: only one-to-one agreements.',
  })
  enabled!: boolean;
}

@ObjectType('SetPracticeToPracticeWriteBackPayload', { description: 'Result of setPracticeToPracticeWriteBack.' })
export class SetPracticeToPracticeWriteBackPayload {
  @Field(() => WriteBackPolicyType, { description: 'The policy after the change.' })
  policy!: WriteBackPolicyType;
}

@InputType('WriteBackDeliveryInput', { description: 'Names a dead letter.' })
export class WriteBackDeliveryInput {
  @Field(() => ID, { description: 'Global id of the delivery.' })
  deliveryId!: string;
}

@ObjectType('WriteBackDeliveryPayload', { description: 'Result of redriveWriteBack or discardWriteBack.' })
export class WriteBackDeliveryPayload {
  @Field(() => WriteBackDeliveryType, { description: 'The delivery after the change.' })
  delivery!: WriteBackDeliveryType;
}

@InputType('ConfigureWriteBackTargetInput', { description: 'Where a practice receives write-back.' })
export class ConfigureWriteBackTargetInput {
  @Field(() => OdsCodeScalar, { description: 'The practice.' })
  practiceOdsCode!: string;
  @Field(() => TargetKindEnum, { description: 'IN_HUB (default) or HTTP.' })
  kind!: TargetKind;
  @Field(() => String, { nullable: true, description: 'HTTP targets: the http(s) endpoint.' })
  endpointUrl?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'HTTP targets: a Standard Webhooks secret (whsec_ + base64). Omitted: a new one is issued and returned once.',
  })
  signingSecret?: string | null;
}

@ObjectType('ConfigureWriteBackTargetPayload', { description: 'Result of configureWriteBackTarget.' })
export class ConfigureWriteBackTargetPayload {
  @Field(() => WriteBackTargetType, { description: 'The target.' })
  target!: WriteBackTargetType;
  @Field(() => String, { nullable: true, description: 'The signing secret issued by this call (shown only now).' })
  issuedSigningSecret!: string | null;
}
