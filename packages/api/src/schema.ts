import { buildSchema } from 'type-graphql';
import { assertValidSchema, type GraphQLSchema } from 'graphql';
import { authChecker, assertEveryRootFieldAuthorized } from './platform/auth/authorization.js';
import { AuditResolver } from './platform/audit/audit.resolver.js';
import { OrganisationResolver, StaffAdministrationResolver, StaffUserResolver, ViewerResolver } from './modules/organisations/index.js';
import { PatientActivityResolver, PatientResolver, PatientTimelineResolver } from './modules/patients/index.js';
import { NodeResolver } from './node.resolver.js';
import { HubServiceResolver } from './modules/hub-services/index.js';
import {
  ContinuityResolver,
  InboxConnectionResolver,
  InboxResolver,
  InboxSettingsResolver,
  InboxSubscriptionResolver,
  SignpostResolver,
  SubmitPayloadResolver,
  TriageResolver,
} from './modules/inbox/index.js';
import { ConsultationEntryResolver, HubConsultationResolver } from './modules/consultations/index.js';
import {
  PracticeRecordResolver,
  WriteBackAgreementResolver,
  WriteBackDeliveryResolver,
  WriteBackExplanationResolver,
  WriteBackResendResolver,
  WriteBackStatusResolver,
  WriteBackSubscriptionResolver,
  WriteBackAcknowledgementResolver,
  WriteBackTargetResolver,
  WrittenBackEntryResolver,
} from './modules/write-back/index.js';
import {
  EpsResolver,
  PrescribingCostCentreResolver,
  PrescribingSubscriptionResolver,
  PrescriptionResolver,
} from './modules/prescribing/index.js';
import { PatientReplyResolver } from './modules/replies/index.js';
import { AttachmentResolver } from './modules/attachments/index.js';
import { AppointmentBookResolver, SlotResolver, SlotTypeResolver } from './modules/appointments/index.js';
import {
  PatientTraceResolver,
  ReferralMovesResolver,
  ReferralResolver,
  ReferralSetupResolver,
  ReferralSubscriptionResolver,
} from './modules/referrals/index.js';
import { PluginResolver, WriteBackExplanationPluginResolver } from './modules/plugins/index.js';
import { InboundMessageResolver } from './modules/messaging/index.js';
import { ReportingResolver } from './modules/reporting/index.js';

/** Every resolver class of the API; the composition root of the schema. */
export const RESOLVERS = [
  NodeResolver,
  OrganisationResolver,
  ViewerResolver,
  StaffUserResolver,
  StaffAdministrationResolver,
  PatientResolver,
  PatientTimelineResolver,
  PatientActivityResolver,
  AuditResolver,
  HubServiceResolver,
  InboxResolver,
  InboxConnectionResolver,
  SignpostResolver,
  SubmitPayloadResolver,
  TriageResolver,
  InboxSettingsResolver,
  ContinuityResolver,
  InboxSubscriptionResolver,
  HubConsultationResolver,
  ConsultationEntryResolver,
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
  PrescriptionResolver,
  EpsResolver,
  PrescribingSubscriptionResolver,
  PatientReplyResolver,
  AttachmentResolver,
  PrescribingCostCentreResolver,
  AppointmentBookResolver,
  SlotTypeResolver,
  SlotResolver,
  ReferralResolver,
  ReferralMovesResolver,
  PatientTraceResolver,
  ReferralSetupResolver,
  ReferralSubscriptionResolver,
  PluginResolver,
  WriteBackExplanationPluginResolver,
  InboundMessageResolver,
  ReportingResolver,
] as const;

/**
 * type-graphql insists on a PubSub once any subscription exists. Ours all bring their own
 * `subscribe` (the event log is the source), so topic-based subscriptions are refused.
 */
const NO_TOPIC_PUBSUB = {
  publish(): void {
    throw new Error('Topic-based subscriptions are not used; subscribe from the event log');
  },
  subscribe(): AsyncIterable<unknown> {
    throw new Error('Topic-based subscriptions are not used; subscribe from the event log');
  },
};

let built: Promise<GraphQLSchema> | null = null;

/** Builds (once per process) the executable schema; refuses to start if a root field has no access rule. */
export function buildHubSchema(): Promise<GraphQLSchema> {
  built ??= (async () => {
    assertEveryRootFieldAuthorized(RESOLVERS);
    const schema = await buildSchema({
      resolvers: [...RESOLVERS],
      authChecker,
      authMode: 'error',
      validate: false,
      pubSub: NO_TOPIC_PUBSUB,
      // type-graphql's own check runs a full introspection query over the schema (a fifth of a
      // restart); assertValidSchema is the part of it that matters and throws the same errors.
      skipCheck: true,
    });
    assertValidSchema(schema);
    return schema;
  })();
  return built;
}
