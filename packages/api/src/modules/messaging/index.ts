import type { HubModule } from '../../platform/hub-module.js';
import { InboundMessage } from './inbound-message.entity.js';
import { InboundMessageResolver } from './messaging.resolver.js';
import { inboundMessageNode } from './messaging.node.js';

export { InboundMessage } from './inbound-message.entity.js';

/** The messaging module as the composition root registers it (docs/architecture.md#adding-a-module). */
export const messagingModule: HubModule = {
  name: 'messaging',
  entities: [InboundMessage],
  resolvers: [InboundMessageResolver],
  nodeFetchers: { InboundMessage: inboundMessageNode },
};
