import type { HubModule } from '../../platform/hub-module.js';
import { WriteBackAgreement, WriteBackPolicy } from './write-back-agreement.entity.js';
import { WriteBackRecord, WriteBackDelivery } from './write-back-record.entity.js';
import { WriteBackTargetSetting, PracticeRecordEntry } from './write-back-target.entity.js';
import {
  WriteBackAgreementResolver,
  WriteBackDeliveryResolver,
  WriteBackStatusResolver,
  WriteBackTargetResolver,
} from './write-back.resolver.js';
import { PracticeRecordResolver, WrittenBackEntryResolver } from './write-back.record.resolver.js';
import { WriteBackSubscriptionResolver } from './write-back.subscription.js';
import { WriteBackExplanationResolver } from './write-back.explain.resolver.js';
import { WriteBackResendResolver } from './write-back.resend.resolver.js';
import { WriteBackAcknowledgementResolver } from './write-back.acks.resolver.js';
import { writeBackAgreementNode, writeBackDeliveryNode } from './write-back.node.js';
import { seedWriteBackAgreements } from './write-back-agreements.service.js';

export { WriteBackAgreement, WriteBackPolicy } from './write-back-agreement.entity.js';
export { WriteBackRecord, WriteBackDelivery } from './write-back-record.entity.js';
export { WriteBackTargetSetting, PracticeRecordEntry } from './write-back-target.entity.js';
export { planWriteBack, type SavedConsultationFacts, type SavedEntry } from './write-back.planner.js';
export { explainWriteBack, type ExplainInput } from './write-back.explain.js';
export { writeBackStatusByEntry, type EntryWriteBackStatus } from './write-back-deliveries.service.js';
export { WriteBackWorker, startWriteBackWorker, type WriteBackWorkerOptions } from './write-back.worker.js';
export {
  HttpWriteBackTarget,
  InHubWriteBackTarget,
  signWebhook,
  verifyWebhook,
  type WriteBackTarget,
  type WriteBackMessage,
  type DeliveryOutcome,
} from './write-back.targets.js';
export { combinedWriteBackState, type WriteBackState } from './write-back.codes.js';
export { toStatusType } from './write-back.mappers.js';
export { WRITE_BACK_STATUS_JSON, writeBackStatusFromJson, writeBackStatusJoins } from './write-back.read.js';
export { WriteBackExplanationType, WriteBackStatusType } from './write-back.types.js';
export { WriteBackStateEnum } from './write-back.enums.js';
export type { OrgFacts } from './write-back.policy.js';

/** The write-back module as the composition root registers it (docs/architecture.md#adding-a-module). */
export const writeBackModule: HubModule = {
  name: 'write-back',
  entities: [
    WriteBackAgreement,
    WriteBackPolicy,
    WriteBackRecord,
    WriteBackDelivery,
    WriteBackTargetSetting,
    PracticeRecordEntry,
  ],
  resolvers: [
    WriteBackAgreementResolver,
    WriteBackDeliveryResolver,
    WriteBackStatusResolver,
    WriteBackTargetResolver,
    WriteBackExplanationResolver,
    WriteBackResendResolver,
    PracticeRecordResolver,
    WrittenBackEntryResolver,
    WriteBackSubscriptionResolver,
    WriteBackAcknowledgementResolver,
  ],
  nodeFetchers: { WriteBackAgreement: writeBackAgreementNode, WriteBackDelivery: writeBackDeliveryNode },
  seed: (em, demo) =>
    seedWriteBackAgreements(
      em,
      demo.pcn.id,
      demo.hub.id,
      demo.practices.map((p) => p.id),
      demo.now,
    ),
};
