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
import { PracticeRecordResolver, WrittenBackEntryResolver } from './targets/record.resolver.js';
import { WriteBackSubscriptionResolver } from './write-back.subscription.js';
import { WriteBackExplanationResolver } from './planning/explain.resolver.js';
import { WriteBackResendResolver } from './planning/resend.resolver.js';
import { WriteBackAcknowledgementResolver } from './delivery/acks.resolver.js';
import { writeBackAgreementNode, writeBackDeliveryNode } from './write-back.node.js';
import { seedWriteBackAgreements } from './agreements/agreements.service.js';
import { startWriteBackWorker } from './delivery/delivery.worker.js';

export { WriteBackAgreement, WriteBackPolicy } from './write-back-agreement.entity.js';
export { WriteBackRecord, WriteBackDelivery } from './write-back-record.entity.js';
export { WriteBackTargetSetting, PracticeRecordEntry } from './write-back-target.entity.js';
export {
  finishPlan,
  planOf,
  planWriteBack,
  NOTHING_WRITTEN_BACK,
  readWriteBack,
  recordsOf,
  RECORD_READS,
  withRecordReads,
  withPlanWrites,
  type ExistingRecord,
  type SavedConsultationFacts,
  type SavedEntry,
  type WriteBackPlan,
} from './planning/planner.service.js';
export { decisionFactsColumns, decisionFactsOf } from './agreements/agreements.service.js';
export { lineLockSql } from './delivery/lines.worker.js';
export { explainWriteBack, type ExplainInput } from './planning/explain.service.js';
export { writeBackStatusByEntry, type EntryWriteBackStatus } from './delivery/deliveries.service.js';
export { WriteBackWorker, startWriteBackWorker, type WriteBackWorkerOptions } from './delivery/delivery.worker.js';
export {
  HttpWriteBackTarget,
  InHubWriteBackTarget,
  signWebhook,
  verifyWebhook,
  type WriteBackTarget,
  type WriteBackMessage,
  type DeliveryOutcome,
} from './targets/targets.worker.js';
export { combinedWriteBackState, type WriteBackState } from './write-back.codes.js';
export { toStatusType } from './write-back.mappers.js';
export { WRITE_BACK_STATUS_JSON, writeBackStatusFromJson, writeBackStatusJoins } from './write-back.query.js';
export { WriteBackExplanationType, WriteBackStatusType } from './write-back.types.js';
export { WriteBackStateEnum } from './write-back.enums.js';
export { orgFactsOf, type OrgFacts, type WriteBackFacts } from './write-back.policy.js';

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
  workers: [
    {
      name: 'write-back',
      inApi: (config) => config.writeBack.worker,
      start: (context) =>
        startWriteBackWorker({
          orm: context.orm,
          bus: context.bus,
          settings: context.config.writeBack,
          logger: context.logger,
          firstSweepDelayMs: context.firstSweepDelayMs,
        }),
    },
  ],
};
