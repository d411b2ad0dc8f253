export { InboundMessage } from './inbound-message.entity.js';
export { InboundMessageResolver } from './messaging.resolver.js';
