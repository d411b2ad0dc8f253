import type { HubModule } from '../../platform/hub-module.js';
import { Referral, ReferralTransition } from './referral.entity.js';
import { ReferralAgreement, OrganisationGroupMember, HubTeam } from './referral-setup.entity.js';
import { HubRegistration, PatientTraceTask } from './hub-registration.entity.js';
import { ReferralResolver } from './referrals.resolver.js';
import { ReferralMovesResolver } from './lifecycle/moves.resolver.js';
import { PatientTraceResolver } from './lifecycle/patient-trace.resolver.js';
import { ReferralSetupResolver } from './setup/setup.resolver.js';
import { ReferralSubscriptionResolver } from './referrals.subscription.js';
import { seedDemoReferrals } from './referrals.seed.js';
import { referralNode, hubTeamNode, patientTraceTaskNode } from './referrals.node.js';

export { Referral, ReferralTransition } from './referral.entity.js';
export { ReferralAgreement, OrganisationGroupMember, HubTeam } from './referral-setup.entity.js';
export { HubRegistration, PatientTraceTask } from './hub-registration.entity.js';
export { ReferralType } from './referrals.types.js';
export { REFERRAL_STATES, REFERRAL_TRANSITIONS, canTransition, type ReferralState } from './referral.state.js';
export {
  REFERRAL_METHOD_STRATEGIES,
  strategyOf,
  type ReferralMethodStrategy,
  type ReferralMethodProperties,
} from './referral-methods.rules.js';
export { referralStream } from './referrals.events.js';
export { DEMO_REFERRALS } from './referrals.seed.js';
export { referralFromConsultation } from './referring/from-consultation.service.js';

/** The referrals module as the composition root registers it (docs/architecture.md#adding-a-module). */
export const referralsModule: HubModule = {
  name: 'referrals',
  entities: [
    Referral,
    ReferralTransition,
    ReferralAgreement,
    OrganisationGroupMember,
    HubTeam,
    HubRegistration,
    PatientTraceTask,
  ],
  resolvers: [
    ReferralResolver,
    ReferralMovesResolver,
    PatientTraceResolver,
    ReferralSetupResolver,
    ReferralSubscriptionResolver,
  ],
  nodeFetchers: { Referral: referralNode, HubTeam: hubTeamNode, PatientTraceTask: patientTraceTaskNode },
  seed: seedDemoReferrals,
};
