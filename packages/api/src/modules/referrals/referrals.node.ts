import type { NodeFetcher } from '../../platform/graphql/node-fetcher.js';
import { toReferralType } from './referrals.mappers.js';
import { REFERRAL_READERS } from './referrals.policy.js';
import { ReferralQueries } from './referrals.query.js';

/** `node(id:)` for a Referral: the roles and rules of `referral(id:)`. */
export const referralNode: NodeFetcher = {
  roles: REFERRAL_READERS,
  fetch: async (ctx, globalId) => toReferralType(await new ReferralQueries(ctx).byId(globalId)),
};
