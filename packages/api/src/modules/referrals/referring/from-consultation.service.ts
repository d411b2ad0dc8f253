import { runChange } from '../../../platform/changes.js';
import type { AuthenticatedContext } from '../../../platform/context.js';
import { HubService, findHubOfPcn } from '../../hub-services/index.js';
import { OnlineConsultation } from '../../inbox/index.js';
import { Patient } from '../../patients/index.js';
import { newReferral } from './new-referral.service.js';
import { Referral } from '../referral.entity.js';
import { ReferralErrors } from '../referrals.errors.js';
import { recordCreation } from '../referrals.events.js';

/** Inbox states in which a consultation sits in (or is being worked from) a hub service queue. */
const SERVICE_QUEUE_STATES: readonly string[] = ['HUB_SERVICE_QUEUE', 'IN_PROGRESS'];

/**
 * INBOX_SIGNPOST: turns an online consultation that hub triage signposted to `serviceId` into a
 * REQUESTED referral from its originating practice. Exported for the inbox to call in-process
 * (database ids; runs its own transaction, so call it after the signpost has committed); the
 * `referFromConsultation` mutation is the same use case over GraphQL. Refusals are HubErrors
 * naming the rule: method not accepted, not signposted to that service, no matched patient,
 * already referred.
 */
export async function referralFromConsultation(
  ctx: AuthenticatedContext,
  input: { consultationId: string; serviceId: string },
): Promise<Referral> {
  const { actor, em } = ctx;
  const hub = await findHubOfPcn(em, actor.pcnId);
  if (!hub) throw ReferralErrors.noHub();
  if (actor.organisationId !== hub.id) throw ReferralErrors.wrongInitiator('INBOX_SIGNPOST', 'hub');
  const oc = await em.findOne(OnlineConsultation, { id: input.consultationId, owner: hub.id });
  if (!oc) throw ReferralErrors.consultationNotFound(input.consultationId);
  const service = await em.findOne(HubService, { id: input.serviceId, hub: hub.id });
  if (!service) throw ReferralErrors.serviceNotFound('input.serviceId');
  if (!service.active || !service.referralMethods.includes('INBOX_SIGNPOST')) {
    throw ReferralErrors.methodNotAccepted('INBOX_SIGNPOST', service.id);
  }
  if (oc.signpostService?.id !== service.id || !SERVICE_QUEUE_STATES.includes(oc.state)) {
    throw ReferralErrors.notSignposted(oc.id);
  }
  if (!oc.patient) throw ReferralErrors.unmatchedConsultation(oc.id);
  if (await em.count(Referral, { onlineConsultationId: oc.id })) throw ReferralErrors.alreadyReferred(oc.id);
  const patient = await em.findOneOrFail(Patient, { id: oc.patient.id });
  return runChange(ctx, {
    action: 'referFromConsultation',
    subjectType: 'Referral',
    work: async (tx, events) => {
      const r = newReferral(tx, actor.id, {
        method: 'INBOX_SIGNPOST',
        hubId: hub.id,
        serviceId: service.id,
        fromOrgId: oc.originatingPractice.id,
        patient,
        reason: null,
        details: { slotId: null, task: null, document: null },
        consent: false,
        onlineConsultationId: oc.id,
      });
      await recordCreation(tx, r, actor.id, events);
      return r;
    },
    audit: (r) => ({ subjectId: r.id, patientId: patient.id }),
  });
}
