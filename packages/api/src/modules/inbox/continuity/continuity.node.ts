import type { NodeFetcher } from '../../../platform/graphql/node-fetcher.js';
import { ContinuityService } from './continuity.service.js';
import { toClosureType } from '../inbox.mappers.js';
import { CONTINUITY_READERS } from '../inbox.policy.js';

/** `node(id:)` for a HubClosure: as `hubClosures` (the viewer's PCN hub), any period, ended ones too. */
export const hubClosureNode: NodeFetcher = {
  roles: CONTINUITY_READERS,
  fetch: async (ctx, globalId) => toClosureType(await new ContinuityService(ctx).byId(globalId)),
};
