export { Referral, ReferralTransition } from './referral.entity.js';
export { ReferralAgreement, OrganisationGroupMember, HubTeam } from './referral-setup.entity.js';
export { HubRegistration, PatientTraceTask } from './hub-registration.entity.js';
export { ReferralResolver } from './referrals.resolver.js';
export { ReferralMovesResolver } from './referral-moves.resolver.js';
export { PatientTraceResolver } from './patient-trace.resolver.js';
export { ReferralSetupResolver } from './referral-setup.resolver.js';
export { ReferralSubscriptionResolver } from './referrals.subscription.js';
export { ReferralType } from './referrals.types.js';
export { REFERRAL_STATES, REFERRAL_TRANSITIONS, canTransition, type ReferralState } from './referral.state.js';
export {
  REFERRAL_METHOD_STRATEGIES,
  strategyOf,
  type ReferralMethodStrategy,
  type ReferralMethodProperties,
} from './referral-methods.js';
export { referralStream } from './referrals.events.js';
export { seedDemoReferrals, DEMO_REFERRALS } from './referrals.seed.js';
export { referralFromConsultation } from './referral-from-consultation.js';
export { referralNode, hubTeamNode, patientTraceTaskNode } from './referrals.node.js';
