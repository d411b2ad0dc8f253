import type { NodeFetcher } from '../../platform/graphql/node-fetcher.js';
import { expectGlobalId } from '../../platform/graphql/relay.js';
import { toEntryType, toHubConsultationType } from './consultations.mappers.js';
import { CONSULTATION_READERS } from './consultations.policy.js';
import { ConsultationService } from './consultations.service.js';

/** `node(id:)` for a HubConsultation: the roles and rules of `hubConsultation(id:)`. */
export const hubConsultationNode: NodeFetcher = {
  roles: CONSULTATION_READERS,
  pluginFields: ['hubConsultation'],
  fetch: async (ctx, globalId) =>
    toHubConsultationType(await new ConsultationService(ctx).byId(expectGlobalId(globalId, 'HubConsultation', 'id'))),
};

/**
 * `node(id:)` for a HubConsultationEntry: an entry of a consultation the viewer may see
 * (`hubConsultation(id:) { entries(includeRemoved: true) }`, and the entry mutations' lookup),
 * removed entries included.
 */
export const hubConsultationEntryNode: NodeFetcher = {
  roles: CONSULTATION_READERS,
  pluginFields: ['hubConsultation', 'amendConsultationEntry', 'removeConsultationEntry'],
  fetch: async (ctx, globalId) =>
    toEntryType(
      (await new ConsultationService(ctx).entryById(expectGlobalId(globalId, 'HubConsultationEntry', 'id'), 'id'))
        .entry,
    ),
};
