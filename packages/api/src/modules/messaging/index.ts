export { InboundMessage } from './inbound-message.entity.js';
export { InboundMessageResolver } from './messaging.resolver.js';
export { inboundMessageNode } from './messaging.node.js';
