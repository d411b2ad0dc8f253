import type { NodeFetcher } from '../../platform/graphql/node-fetcher.js';
import { expectGlobalId } from '../../platform/graphql/relay.js';
import { WriteBackAgreementService } from './agreements/agreements.service.js';
import { WriteBackDeliveryService } from './delivery/deliveries.service.js';
import { toAgreementType, toDeliveryType } from './write-back.mappers.js';
import { WRITE_BACK_VIEWERS } from './write-back.resolver.js';

/** `node(id:)` for a WriteBackAgreement: `writeBackAgreements` (canSeeAgreement: PCN hub and PCN staff all, a practice its own sides). */
export const writeBackAgreementNode: NodeFetcher = {
  roles: WRITE_BACK_VIEWERS,
  fetch: async (ctx, globalId) =>
    toAgreementType(
      await new WriteBackAgreementService(ctx).byId(expectGlobalId(globalId, 'WriteBackAgreement', 'id')),
    ),
};

/**
 * `node(id:)` for a WriteBackDelivery: hub managers of its PCN, any state (`writeBackDeadLetters`
 * lists the DEAD ones; `redriveWriteBack`/`discardWriteBack` name any of the PCN's by id).
 */
export const writeBackDeliveryNode: NodeFetcher = {
  roles: ['HUB_MANAGER'],
  fetch: async (ctx, globalId) =>
    toDeliveryType(await new WriteBackDeliveryService(ctx).byId(expectGlobalId(globalId, 'WriteBackDelivery', 'id'))),
};
