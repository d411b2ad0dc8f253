import { HubError } from '../../platform/errors.js';
import type { OwnRulesNodeFetcher } from '../../platform/graphql/node-fetcher.js';
import { toGlobalId } from '../../platform/graphql/relay.js';
import { toConsultationType } from './inbox.mappers.js';
import { recordOf } from './queue/page.query.js';
import { InboxService } from './queue/inbox.service.js';

/**
 * `node(id:)` for an OnlineConsultation: as `onlineConsultation(id:)` (the owner's staff, or a
 * viewer the shared queues let read it), audited the same way; invisible answers null.
 */
export const onlineConsultationNode: OwnRulesNodeFetcher = {
  find: async (ctx, id) => {
    try {
      return toConsultationType(recordOf(await new InboxService(ctx).byId(toGlobalId('OnlineConsultation', id))));
    } catch (error) {
      if (error instanceof HubError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) return null;
      throw error;
    }
  },
};
