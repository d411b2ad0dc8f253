import type { NodeFetcher } from '../../platform/graphql/node-fetcher.js';
import { expectGlobalId } from '../../platform/graphql/relay.js';
import { toHubConsultationType } from './consultations.mappers.js';
import { CONSULTATION_READERS } from './consultations.policy.js';
import { ConsultationService } from './consultations.service.js';

/** `node(id:)` for a HubConsultation: the roles and rules of `hubConsultation(id:)`. */
export const hubConsultationNode: NodeFetcher = {
  roles: CONSULTATION_READERS,
  fetch: async (ctx, globalId) => toHubConsultationType(await new ConsultationService(ctx).byId(expectGlobalId(globalId, 'HubConsultation', 'id'))),
};
