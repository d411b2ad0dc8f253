export { PatientReply } from './patient-reply.entity.js';
export { PatientReplyResolver } from './replies.resolver.js';
export { markReplyUndeliverable } from './replies.service.js';
