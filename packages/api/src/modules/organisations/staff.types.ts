import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { connectionTypes } from '../../platform/graphql/relay.js';
import type { Role } from '../../platform/auth/roles.js';
import { RoleEnum } from './organisations.enums.js';
import { StaffUserType } from './organisations.types.js';

export const { Connection: StaffUserConnection } = connectionTypes(
  'StaffUser',
  StaffUserType,
  'A page of staff, by username.',
);

@InputType('SetStaffUserRolesInput', { description: 'The roles a member of staff holds from now on.' })
export class SetStaffUserRolesInput {
  @Field(() => ID, { description: 'Global id of the staff user.' })
  staffUserId!: string;

  @Field(() => [RoleEnum], {
    description: 'Every role they hold from now on (replaces the current ones); they must fit the organisation kind.',
  })
  roles!: Role[];
}

@InputType('StaffUserInput', { description: 'Names a member of staff.' })
export class StaffUserInput {
  @Field(() => ID, { description: 'Global id of the staff user.' })
  staffUserId!: string;
}

@ObjectType('StaffUserPayload', {
  description: 'Result of setStaffUserRoles, deactivateStaffUser or reactivateStaffUser.',
})
export class StaffUserPayload {
  @Field(() => StaffUserType, { description: 'The staff user after the change.' })
  staffUser!: StaffUserType;
}
