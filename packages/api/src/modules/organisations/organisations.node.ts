import type { OwnRulesNodeFetcher } from '../../platform/graphql/node-fetcher.js';
import { organisationById } from './organisations.loaders.js';
import { toOrganisationType, toStaffUserType } from './organisations.mappers.js';
import { canSeeOrganisation, canSeeStaffOf } from './organisations.policy.js';
import { StaffUser } from './staff-user.entity.js';

/** `node(id:)` for an Organisation: any member of its PCN (the PCN itself included) sees it. */
export const organisationNode: OwnRulesNodeFetcher = {
  find: async (ctx, id) => {
    const org = await organisationById(ctx).load(id);
    return org && canSeeOrganisation(ctx.actor, { id: org.id, pcnId: org.pcn?.id ?? null })
      ? toOrganisationType(org)
      : null;
  },
};

/** `node(id:)` for a StaffUser: as the staff lists (the PCN's, or a practice's own). */
export const staffUserNode: OwnRulesNodeFetcher = {
  find: async (ctx, id) => {
    const user = await ctx.em.findOne(StaffUser, { id }, { populate: ['organisation'] });
    const org = user?.organisation.getEntity();
    return user && org && canSeeStaffOf(ctx.actor, { id: org.id, pcnId: org.pcn?.id ?? null })
      ? toStaffUserType(user)
      : null;
  },
};
