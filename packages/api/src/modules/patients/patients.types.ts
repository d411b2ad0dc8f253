import { Field, InputType, ObjectType } from 'type-graphql';
import { NHSNumberScalar, OdsCodeScalar } from '@pcn-hub/schema';
import { connectionTypes, Node } from '../../platform/graphql/relay.js';
import { LocalDate } from '../../platform/graphql/scalars.js';
import type { OrganisationType } from '../organisations/index.js';
import type { Sex } from './patient.entity.js';
import { SexEnum } from './patients.enums.js';

@ObjectType('Patient', { implements: Node, description: 'A patient registered at a member practice.' })
export class PatientType extends Node {
  readonly __typename = 'Patient' as const;
  dbId!: string;
  registeredPracticeId!: string;
  /** The registered practice, when a plain-SQL read joined it (`patients.read.ts`); else its loader. */
  joinedRegisteredPractice?: OrganisationType;

  @Field(() => NHSNumberScalar, { description: 'NHS number: 10 digits, modulus 11 check digit.' })
  nhsNumber!: string;

  @Field(() => String, { description: 'Given name.' })
  givenName!: string;

  @Field(() => String, { description: 'Family name.' })
  familyName!: string;

  @Field(() => LocalDate, { description: 'Date of birth.' })
  dateOfBirth!: string;

  @Field(() => SexEnum, { description: 'Administrative sex.' })
  sex!: Sex;
}

export const { Connection: PatientConnection } = connectionTypes(
  'Patient',
  PatientType,
  'A page of patients, ordered by family name, given name, then id.',
);

@InputType('RegisterPatientInput', { description: 'A patient registered at a member practice.' })
export class RegisterPatientInput {
  @Field(() => NHSNumberScalar, { description: 'NHS number; spaces are allowed and removed.' })
  nhsNumber!: string;

  @Field(() => String, { description: 'Given name, 1-100 characters.' })
  givenName!: string;

  @Field(() => String, { description: 'Family name, 1-100 characters.' })
  familyName!: string;

  @Field(() => LocalDate, { description: 'Date of birth; not in the future.' })
  dateOfBirth!: string;

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
