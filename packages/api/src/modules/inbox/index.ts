import type { HubModule } from '../../platform/hub-module.js';
import { OnlineConsultation, ConsultationTransition } from './online-consultation.entity.js';
import { OcRoutingSetting, CapacityPlan, HubClosure } from './inbox-settings.entity.js';
import {
  InboxResolver,
  InboxConnectionResolver,
  SignpostResolver,
  SubmitPayloadResolver,
} from './queue/inbox.resolver.js';
import { TriageResolver } from './triage/triage.resolver.js';
import { InboxSettingsResolver } from './settings/settings.resolver.js';
import { InboxSubscriptionResolver } from './inbox.subscription.js';
import { ContinuityResolver } from './continuity/continuity.resolver.js';
import { hubClosureNode } from './continuity/continuity.node.js';
import { onlineConsultationNode } from './inbox.node.js';

export { OnlineConsultation, ConsultationTransition } from './online-consultation.entity.js';
export { OcRoutingSetting, CapacityPlan, HubClosure } from './inbox-settings.entity.js';
export { OnlineConsultationType, OcAttachmentType } from './inbox.types.js';
export { consultationGlobalId } from './inbox.mappers.js';
export { inboxStream } from './inbox.events.js';
export { toConsultationType } from './inbox.mappers.js';
export { recordOf } from './queue/page.query.js';
export { canSeeConsultation, INBOX_ROLES, SUBMITTER_ROLES } from './inbox.policy.js';
export { InboxService } from './queue/inbox.service.js';
export { ConsultationTypeEnum } from './inbox.enums.js';
export type { ConsultationType } from './inbox.codes.js';

/** The inbox module as the composition root registers it (docs/architecture.md#adding-a-module). */
export const inboxModule: HubModule = {
  name: 'inbox',
  entities: [OnlineConsultation, ConsultationTransition, OcRoutingSetting, CapacityPlan, HubClosure],
  resolvers: [
    InboxResolver,
    InboxConnectionResolver,
    SignpostResolver,
    SubmitPayloadResolver,
    TriageResolver,
    InboxSettingsResolver,
    ContinuityResolver,
    InboxSubscriptionResolver,
  ],
  nodeFetchers: { OnlineConsultation: onlineConsultationNode, HubClosure: hubClosureNode },
};
