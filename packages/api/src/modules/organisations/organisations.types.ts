import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { OdsCodeScalar } from '@pcn-hub/schema';
import { Node } from '../../platform/graphql/relay.js';
import { DateTime } from '../../platform/graphql/scalars.js';
import type { Role } from '../../platform/auth/roles.js';
import type { OrganisationKind } from './organisation.entity.js';
import { OrganisationKindEnum, RoleEnum } from './organisations.enums.js';

@ObjectType('Organisation', { implements: Node, description: 'A PCN, its hub, or a member practice.' })
export class OrganisationType extends Node {
  readonly __typename = 'Organisation' as const;
  /** Database id; not exposed. */
  dbId!: string;
  pcnId!: string | null;

  @Field(() => OdsCodeScalar, {
    description: 'ODS code: U + 5 digits for a PCN; letter + 5 digits for a hub or practice.',
  })
  odsCode!: string;

  @Field(() => String, { description: 'Name of the organisation.' })
  name!: string;

  @Field(() => OrganisationKindEnum, { description: 'What the organisation is.' })
  kind!: OrganisationKind;

  @Field(() => Boolean, { description: 'False once the organisation has left the PCN.' })
  active!: boolean;
}

@ObjectType('StaffUser', { implements: Node, description: 'A member of staff at one organisation.' })
export class StaffUserType extends Node {
  readonly __typename = 'StaffUser' as const;
  organisationId!: string;

  @Field(() => String, { description: 'Login name; the subject of their tokens.' })
  username!: string;

  @Field(() => String, { description: 'Name shown to colleagues.' })
  displayName!: string;

  @Field(() => [RoleEnum], { description: 'Platform roles held.' })
  roles!: Role[];

  @Field(() => Boolean, { description: 'False when the account is disabled.' })
  active!: boolean;

  @Field(() => DateTime, { description: 'When the account was created.' })
  createdAt!: Date;
}

@ObjectType('Viewer', { description: 'The actor making the request.' })
export class ViewerType {
  organisationId!: string;

  @Field(() => ID, { description: 'Token subject: a staff username or an integration client id.' })
  id!: string;

  @Field(() => String, { description: 'USER for staff, INTEGRATION for machine clients.' })
  kind!: string;

  @Field(() => [RoleEnum], { description: 'Roles from the token.' })
  roles!: Role[];
}

@InputType('AddPracticeInput', { description: 'A GP practice joining the PCN.' })
export class AddPracticeInput {
  @Field(() => OdsCodeScalar, { description: 'Practice ODS code: one letter and five digits, e.g. M81065.' })
  odsCode!: string;

  @Field(() => String, { description: 'Practice name.' })
  name!: string;
}

@ObjectType('AddPracticePayload', { description: 'Result of addPractice.' })
export class AddPracticePayload {
  @Field(() => OrganisationType, { description: 'The new practice.' })
  practice!: OrganisationType;
}

@InputType('AddStaffUserInput', { description: 'A new member of staff.' })
export class AddStaffUserInput {
  @Field(() => String, { description: 'Login name: 3-100 characters of a-z, 0-9, dot, hyphen, underscore.' })
  username!: string;

  @Field(() => String, { description: 'Name shown to colleagues.' })
  displayName!: string;

  @Field(() => OdsCodeScalar, { description: 'ODS code of the organisation they work for.' })
  organisationOdsCode!: string;

  @Field(() => [RoleEnum], { description: 'Roles to grant; they must fit the organisation kind.' })
  roles!: Role[];
}

@ObjectType('AddStaffUserPayload', { description: 'Result of addStaffUser.' })
export class AddStaffUserPayload {
  @Field(() => StaffUserType, { description: 'The new staff user.' })
  staffUser!: StaffUserType;
}
