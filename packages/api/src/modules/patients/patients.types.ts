import { Field, InputType, ObjectType } from 'type-graphql';
import { NHSNumberScalar, OdsCodeScalar } from '@pcn-hub/schema';
import { connectionTypes, Node } from '../../platform/graphql/relay.js';
import { LocalDate } from '../../platform/graphql/scalars.js';
import type { OrganisationType } from '../organisations/index.js';
import type { Sex } from './patient.entity.js';
import { SexEnum } from './patients.enums.js';

// type-graphql passes fields down from a registered type only; the two bases below are never
// referenced, so they stay out of the schema.

/** A patient's name and date of birth as shown: the registered patient's, and as a supplier sent them. */
@ObjectType('PatientNameFields')
export abstract class PatientNameFields {
  @Field(() => String, { description: 'Given name.' })
  givenName!: string;

  @Field(() => String, { description: 'Family name.' })
  familyName!: string;

  @Field(() => LocalDate, { description: 'Date of birth.' })
  dateOfBirth!: string;
}

/** A patient's name and date of birth as an input gives them: a patient registered, or one a supplier sends. */
@InputType('PatientNameInputFields')
export abstract class PatientNameInputFields {
  @Field(() => String, { description: 'Given name, 1-100 characters.' })
  givenName!: string;

  @Field(() => String, { description: 'Family name, 1-100 characters.' })
  familyName!: string;

  @Field(() => LocalDate, { description: 'Date of birth; not in the future.' })
  dateOfBirth!: string;
}

/** The `id` field comes from the Node interface it implements. */
@ObjectType('Patient', { implements: Node, description: 'A patient registered at a member practice.' })
export class PatientType extends PatientNameFields implements Node {
  readonly __typename = 'Patient' as const;
  id!: string;
  dbId!: string;
  registeredPracticeId!: string;
  /** The registered practice, when a plain-SQL read joined it (`patients.read.ts`); else its loader. */
  joinedRegisteredPractice?: OrganisationType;

  @Field(() => NHSNumberScalar, { description: 'NHS number: 10 digits, modulus 11 check digit.' })
  nhsNumber!: string;

  @Field(() => SexEnum, { description: 'Administrative sex.' })
  sex!: Sex;
}

export const { Connection: PatientConnection } = connectionTypes(
  'Patient',
  PatientType,
  'A page of patients, ordered by family name, given name, then id.',
);

@InputType('RegisterPatientInput', { description: 'A patient registered at a member practice.' })
export class RegisterPatientInput extends PatientNameInputFields {
  @Field(() => NHSNumberScalar, { description: 'NHS number; spaces are allowed and removed.' })
  nhsNumber!: string;

  @Field(() => SexEnum, { nullable: true, description: 'Administrative sex; UNKNOWN when omitted.' })
  sex?: Sex | null;

  @Field(() => OdsCodeScalar, { description: 'ODS code of the registered practice (a member of the PCN).' })
  registeredPracticeOdsCode!: string;
}

@ObjectType('RegisterPatientPayload', { description: 'Result of registerPatient.' })
export class RegisterPatientPayload {
  @Field(() => PatientType, { description: 'The patient.' })
  patient!: PatientType;
}
