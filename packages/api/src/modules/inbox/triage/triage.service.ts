import { isValidNhsNumber, normaliseNhsNumber } from '@pcn-hub/schema';
import { Errors } from '../../../platform/errors.js';
import { expectGlobalId } from '../../../platform/graphql/relay.js';
import { Organisation } from '../../organisations/index.js';
import { Patient, patientScope } from '../../patients/index.js';
import { HubService, findHubOfPcn } from '../../hub-services/index.js';
import type { ConsultationState } from '../online-consultation.state.js';
import { canPullAt } from '../capacity/capacity.rules.js';
import { loadHubCapacity } from '../capacity/capacity.service.js';
import { OcRoutingSetting } from '../inbox-settings.entity.js';
import { passBackTarget } from './hand-back.service.js';
import { urgencyRank } from '../inbox.codes.js';
import { InboxErrors } from '../inbox.errors.js';
import {
  canCancelWithoutLock,
  canClaimShared,
  canOverrideLock,
  canPullToHub,
  canSeeConsultation,
  lockActive,
} from '../inbox.policy.js';
import { optionalText, requiredText } from '../inbox.validation.js';
import type { SignpostConsultationInput } from '../inbox.inputs.js';
import type { OnlineConsultation } from '../online-consultation.entity.js';
import { TransitionRunner, lockOf } from './transition.service.js';

export { DEFAULT_LOCK_TTL_MS } from './transition.service.js';

/** The triage workflow's use cases: each is a rule run by {@link TransitionRunner}. */
export class TriageService extends TransitionRunner {
  /** Takes the lock (one editor at a time). Claiming again renews one's own lock. */
  claim(input: { consultationId: string }): Promise<OnlineConsultation> {
    return this.run(
      input.consultationId,
      'CLAIM',
      async (c, em, now) => {
        let shared = false;
        if (!canSeeConsultation(this.actor, { ownerId: c.owner.id })) {
          const hub = await findHubOfPcn(em, this.actor.pcnId);
          const capacity = hub && hub.id === c.owner.id ? await loadHubCapacity(em, hub.id, now) : null;
          const sharing = capacity ? await em.findOne(OcRoutingSetting, { practice: this.actor.organisationId }) : null;
          shared = Boolean(
            hub &&
            capacity &&
            canClaimShared(
              this.actor,
              { ownerId: c.owner.id, originatingPracticeId: c.originatingPractice.id, state: c.state },
              {
                id: hub.id,
                state: capacity.state,
                overflowMode: capacity.overflowMode,
                sharing: sharing?.inboxSharing ?? false,
              },
            ),
          );
          if (!shared) throw InboxErrors.notFound(c.id);
        }
        const to = this.step('CLAIM', c);
        const lock = lockOf(c);
        if (lockActive(lock, now)) {
          if (lock.holder !== this.actor.id) throw InboxErrors.lockedByOther(c.id);
          c.lockExpiresAt = this.expiry(now);
          return null;
        }
        return shared
          ? {
              action: 'CLAIM',
              to,
              toOwnerId: this.actor.organisationId,
              routingReason: 'SHARED_TRIAGE',
              extra: { sharedTriage: true },
            }
          : { action: 'CLAIM', to };
      },
      'in-rule',
    );
  }

  release(input: { consultationId: string }): Promise<OnlineConsultation> {
    return this.run(input.consultationId, 'RELEASE', async (c) => {
      const queue =
        c.state === 'IN_PROGRESS' ? ((c.signpost?.destination ?? 'HUB_SERVICE_QUEUE') as ConsultationState) : undefined;
      return { action: 'RELEASE', to: this.step('RELEASE', c, queue) };
    });
  }

  overrideLock(input: { consultationId: string; reason: string }): Promise<OnlineConsultation> {
    const reason = requiredText(input.reason, 'input.reason', 2000);
    return this.run(input.consultationId, 'OVERRIDE_LOCK', async (c, _em, now) => {
      const to = this.step('OVERRIDE_LOCK', c);
      const lock = lockOf(c);
      if (!lockActive(lock, now) || lock.holder === this.actor.id) throw InboxErrors.nothingToOverride(c.id);
      if (!canOverrideLock(this.actor, lock, { ownerId: c.owner.id })) {
        throw Errors.forbidden("Only a hub manager or a member of the holder's team may override the lock");
      }
      return { action: 'OVERRIDE_LOCK', to, reason, extra: { previousHolder: lock.holder } };
    });
  }

  signpost(input: SignpostConsultationInput): Promise<OnlineConsultation> {
    const comment = optionalText(input.comment, 'input.comment', 2000);
    const wantsService = input.destination === 'HUB_SERVICE_QUEUE';
    if (wantsService && !input.serviceId) throw InboxErrors.serviceRequired();
    if (!wantsService && input.serviceId) throw InboxErrors.serviceNotAllowed();
    const serviceId = input.serviceId ? expectGlobalId(input.serviceId, 'HubService', 'input.serviceId') : null;
    return this.run(input.consultationId, 'SIGNPOST', async (c, em, now) => {
      const to = this.step('SIGNPOST', c, input.destination);
      this.requireLock(c, now);
      if (serviceId) {
        if (this.actor.organisationKind !== 'HUB') throw InboxErrors.hubServiceQueueNotForPractice();
        const service = await em.findOne(HubService, { id: serviceId, hub: c.owner.id, active: true });
        if (!service) throw InboxErrors.serviceNotFound('input.serviceId');
      }
      const type = input.type ?? c.type;
      return {
        action: 'SIGNPOST',
        to,
        reason: comment,
        changes: {
          urgency: input.urgency,
          urgencyRank: urgencyRank(input.urgency),
          signpostService: serviceId,
          signpost: {
            team: input.team,
            urgency: input.urgency,
            mode: input.mode,
            type,
            destination: input.destination,
            serviceId,
            comment,
            by: this.actor.id,
            at: now.toISOString(),
          },
        },
        extra: {
          destination: input.destination,
          urgency: input.urgency,
          team: input.team,
          mode: input.mode,
          serviceId,
        },
      };
    });
  }

  passBack(input: { consultationId: string; reason: string; triageNotes: string }): Promise<OnlineConsultation> {
    const reason = requiredText(input.reason, 'input.reason', 2000);
    const triageNotes = requiredText(input.triageNotes, 'input.triageNotes', 5000);
    return this.run(input.consultationId, 'PASS_BACK', async (c, em, now) => {
      const to = this.step('PASS_BACK', c);
      this.requireLock(c, now);
      if (this.actor.organisationKind !== 'HUB') throw InboxErrors.alreadyWithPractice(c.id);
      return {
        action: 'PASS_BACK',
        to,
        toOwnerId: await passBackTarget(em, c),
        routingReason: 'PASSED_BACK',
        reason,
        changes: { triageNotes, signpostService: null },
      };
    });
  }

  pullToHub(input: { consultationId: string; reason?: string | null }): Promise<OnlineConsultation> {
    const reason = optionalText(input.reason, 'input.reason', 2000);
    return this.run(
      input.consultationId,
      'PULL_TO_HUB',
      async (c, em, now) => {
        const hub = await findHubOfPcn(em, this.actor.pcnId);
        const practice = await em.findOne(Organisation, { id: c.originatingPractice.id });
        if (
          !hub ||
          practice?.pcn?.id !== this.actor.pcnId ||
          !canPullToHub(this.actor, { ownerId: c.owner.id }, hub.id)
        ) {
          throw InboxErrors.notFound(c.id);
        }
        if (c.owner.id === hub.id) throw InboxErrors.alreadyAtHub(c.id);
        const to = this.step('PULL_TO_HUB', c);
        const lock = lockOf(c);
        if (lockActive(lock, now) && lock.holder !== this.actor.id) throw InboxErrors.lockedByOther(c.id);
        const capacity = await loadHubCapacity(em, hub.id, now);
        if (capacity.closed) throw InboxErrors.hubClosed(c.id);
        if (!canPullAt(capacity.state)) throw InboxErrors.hubAtCapacity(c.id);
        return { action: 'PULL_TO_HUB', to, toOwnerId: hub.id, routingReason: 'PULLED_TO_HUB', reason };
      },
      'in-rule',
    );
  }

  complete(input: { consultationId: string; outcome: string }): Promise<OnlineConsultation> {
    const outcome = requiredText(input.outcome, 'input.outcome', 200);
    return this.run(input.consultationId, 'COMPLETE', async (c) => {
      return { action: 'COMPLETE', to: this.step('COMPLETE', c), reason: outcome, changes: { outcome } };
    });
  }

  cancel(input: { consultationId: string; reason: string }): Promise<OnlineConsultation> {
    const reason = requiredText(input.reason, 'input.reason', 2000);
    return this.run(input.consultationId, 'CANCEL', async (c, _em, now) => {
      const to = this.step('CANCEL', c);
      if (!canCancelWithoutLock(this.actor, { ownerId: c.owner.id })) this.requireLock(c, now);
      return { action: 'CANCEL', to, reason };
    });
  }

  matchPatient(input: { consultationId: string; patientNhsNumber: string }): Promise<OnlineConsultation> {
    const nhsNumber = normaliseNhsNumber(input.patientNhsNumber);
    if (!nhsNumber || !isValidNhsNumber(nhsNumber))
      throw Errors.badInput('input.patientNhsNumber', 'Not a valid NHS number');
    return this.run(input.consultationId, 'MATCH', async (c, em) => {
      const to = this.step('MATCH', c);
      const patient = await em.findOne(Patient, { $and: [{ nhsNumber }, patientScope(this.actor)] });
      if (!patient) throw InboxErrors.patientNotFound();
      return { action: 'MATCH', to, changes: { patient: patient.id }, extra: { patientId: patient.id } };
    });
  }
}
