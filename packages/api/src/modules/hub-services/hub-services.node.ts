import type { OwnRulesNodeFetcher } from '../../platform/graphql/node-fetcher.js';
import { canSeeOrganisation, organisationById } from '../organisations/index.js';
import { hubServiceById } from './hub-services.loaders.js';
import { toHubServiceType } from './hub-services.mappers.js';

/** `node(id:)` for a HubService: whoever sees its hub (any member of the hub's PCN). */
export const hubServiceNode: OwnRulesNodeFetcher = {
  find: async (ctx, id) => {
    const service = await hubServiceById(ctx).load(id);
    if (!service) return null;
    const hub = await organisationById(ctx).load(service.hub.id);
    return hub && canSeeOrganisation(ctx.actor, { id: hub.id, pcnId: hub.pcn?.id ?? null })
      ? toHubServiceType(service)
      : null;
  },
};
