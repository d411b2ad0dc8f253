export { Attachment, AttachmentChunk } from './attachment.entity.js';
export { AttachmentResolver } from './attachments.resolver.js';
export { attachmentRoutes } from './attachments.routes.js';
