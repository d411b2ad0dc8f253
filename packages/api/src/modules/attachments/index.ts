import type { HubModule } from '../../platform/hub-module.js';
import { Attachment, AttachmentChunk } from './attachment.entity.js';
import { AttachmentResolver } from './attachments.resolver.js';

export { Attachment, AttachmentChunk } from './attachment.entity.js';
export { attachmentRoutes } from './attachments.routes.js';

/** The attachments module as the composition root registers it (docs/architecture.md#adding-a-module). */
export const attachmentsModule: HubModule = {
  name: 'attachments',
  entities: [Attachment, AttachmentChunk],
  resolvers: [AttachmentResolver],
};
