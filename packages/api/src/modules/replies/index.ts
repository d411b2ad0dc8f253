import type { HubModule } from '../../platform/hub-module.js';
import { PatientReply } from './patient-reply.entity.js';
import { PatientReplyResolver } from './replies.resolver.js';
import { markReplyUndeliverable } from './replies.service.js';

export { PatientReply } from './patient-reply.entity.js';
export { markReplyUndeliverable } from './replies.service.js';

/** The replies module as the composition root registers it (docs/architecture.md#adding-a-module). */
export const repliesModule: HubModule = {
  name: 'replies',
  entities: [PatientReply],
  resolvers: [PatientReplyResolver],
  onPluginDeliveryGivenUp: markReplyUndeliverable,
};
