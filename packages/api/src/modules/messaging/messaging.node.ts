import { hasAnyRole } from '../../platform/auth/actor.js';
import { ROLES, type Role } from '../../platform/auth/roles.js';
import { HubError } from '../../platform/errors.js';
import type { NodeFetcher } from '../../platform/graphql/node-fetcher.js';
import { expectGlobalId } from '../../platform/graphql/relay.js';
import { InboundMessage } from './inbound-message.entity.js';
import { toInboundType } from './messaging.resolver.js';

/** Hub staff who inspect the mailbox (`inboundMessages`). */
const INBOX_INSPECTORS: readonly Role[] = ROLES.hubAdministration;

/**
 * `node(id:)` for an InboundMessage: a message of the viewer's own hub, for its admins and managers
 * (`inboundMessages`) and for the integration that records and settles them
 * (`inboundMessagesToSettle`, `settleInboundMessage`: plugins with `messages:write`). Audited like
 * those queries.
 */
export const inboundMessageNode: NodeFetcher = {
  roles: [...INBOX_INSPECTORS, 'INTEGRATION'],
  pluginFields: ['inboundMessagesToSettle', 'settleInboundMessage'],
  fetch: async (ctx, globalId) => {
    const id = expectGlobalId(globalId, 'InboundMessage', 'id');
    const row =
      ctx.actor.organisationKind === 'HUB'
        ? await ctx.em.findOne(InboundMessage, { id, hub: ctx.actor.organisationId })
        : null;
    if (!row) throw new HubError('NOT_FOUND', `Inbound message ${id} not found`, { id, field: 'id' });
    const staff = !ctx.actor.plugin && hasAnyRole(ctx.actor, INBOX_INSPECTORS);
    await ctx.audit.recordNow(ctx.em, [
      {
        action: staff ? 'readInboundMessages' : 'readInboundMessagesToSettle',
        subjectType: 'InboundMessage',
        subjectId: row.id,
        reason: '1 rows',
      },
    ]);
    return toInboundType(row);
  },
};
