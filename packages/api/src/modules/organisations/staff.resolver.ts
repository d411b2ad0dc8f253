import { Arg, Authorized, Int, Mutation, Query, Resolver } from 'type-graphql';
import { OdsCodeScalar } from '@pcn-hub/schema';
import type { AuthenticatedContext } from '../../platform/context.js';
import { expectGlobalId, pageSize, toConnection } from '../../platform/graphql/relay.js';
import { toStaffUserType } from './organisations.mappers.js';
import { StaffAdministrationService, staffCursor } from './staff.service.js';
import { SetStaffUserRolesInput, StaffUserConnection, StaffUserInput, StaffUserPayload } from './staff.types.js';
import { ROLES } from '../../platform/auth/roles.js';
import { AuthCtx } from '../../platform/auth/auth-context.js';

const service = (ctx: AuthenticatedContext) => new StaffAdministrationService(ctx);
const staffId = (input: StaffUserInput) => expectGlobalId(input.staffUserId, 'StaffUser', 'input.staffUserId');

@Resolver()
export class StaffAdministrationResolver {
  @Authorized(...ROLES.administrators)
  @Query(() => StaffUserConnection, {
    description:
      "An organisation's staff by username (hub managers: any organisation of their PCN; practice admins: their own practice).",
  })
  async staffUsers(
    @Arg('organisationOdsCode', () => OdsCodeScalar, { description: 'The organisation whose staff to list.' })
    organisationOdsCode: string,
    @Arg('active', () => Boolean, {
      nullable: true,
      description: 'Only active (true) or deactivated (false) accounts; all when omitted.',
    })
    active: boolean | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1-200 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor from a previous page.' }) after: string | null,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<InstanceType<typeof StaffUserConnection>> {
    const size = pageSize(first);
    const rows = await service(ctx).list(organisationOdsCode, active ?? null, size, after ?? null);
    return toConnection(rows, size, Boolean(after), toStaffUserType, staffCursor);
  }

  @Authorized(...ROLES.administrators)
  @Mutation(() => StaffUserPayload, {
    description:
      "Replaces a member of staff's roles (not your own); they must fit the organisation. Takes effect on their next request. Audited.",
  })
  async setStaffUserRoles(
    @Arg('input', () => SetStaffUserRolesInput, { description: 'What to change: see SetStaffUserRolesInput.' })
    input: SetStaffUserRolesInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<StaffUserPayload> {
    const id = expectGlobalId(input.staffUserId, 'StaffUser', 'input.staffUserId');
    return { staffUser: toStaffUserType(await service(ctx).setRoles(id, input.roles)) };
  }

  @Authorized(...ROLES.administrators)
  @Mutation(() => StaffUserPayload, {
    description:
      'Deactivates an account (not your own): its tokens are refused from the next request and its live streams end. Audited.',
  })
  async deactivateStaffUser(
    @Arg('input', () => StaffUserInput, { description: 'Who: see StaffUserInput.' }) input: StaffUserInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<StaffUserPayload> {
    return { staffUser: toStaffUserType(await service(ctx).deactivate(staffId(input))) };
  }

  @Authorized(...ROLES.administrators)
  @Mutation(() => StaffUserPayload, { description: 'Reactivates a deactivated account. Audited.' })
  async reactivateStaffUser(
    @Arg('input', () => StaffUserInput, { description: 'Who: see StaffUserInput.' }) input: StaffUserInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<StaffUserPayload> {
    return { staffUser: toStaffUserType(await service(ctx).reactivate(staffId(input))) };
  }
}
