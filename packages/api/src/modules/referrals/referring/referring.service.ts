import { isValidNhsNumber, normaliseNhsNumber } from '@pcn-hub/schema';
import { ChangeEvents, hintCommitted, type Tx } from '../../../platform/changes.js';
import type { AuthenticatedContext } from '../../../platform/context.js';
import type { Em } from '../../../platform/db/orm.js';
import { expectGlobalId } from '../../../platform/graphql/relay.js';
import { runIdempotent } from '../../../platform/idempotency/index.js';
import { Slot, claimSlot, slotFacts } from '../../appointments/index.js';
import { HubService, findHubOfPcn, type ReferralMethod } from '../../hub-services/index.js';
import type { Organisation } from '../../organisations/index.js';
import { Patient, patientScope } from '../../patients/index.js';
import {
  strategyOf,
  type MethodDetails,
  type ReferralMethodStrategy,
  type ReferralRequest,
} from '../referral-methods.rules.js';
import { OrganisationGroupMember, HubTeam, ReferralAgreement } from '../referral-setup.entity.js';
import { settleBooking } from '../lifecycle/trace.service.js';
import { Referral } from '../referral.entity.js';
import { newReferral } from './new-referral.service.js';
import { LIMITS, type TaskCategory } from '../referrals.codes.js';
import { ReferralErrors } from '../referrals.errors.js';
import { moveReferral, recordCreation } from '../referrals.events.js';
import type { DocumentMetadata } from '../../../platform/documents.js';

/** Input of `referPatient`, as the resolver passes it (global ids not yet decoded). */
export interface ReferPatientInput {
  method: ReferralMethod;
  serviceId: string;
  nhsNumber: string;
  slotId?: string | null;
  consentToRecordAccess?: boolean | null;
  reason?: string | null;
  task?: { teamId: string; subject: string; category: TaskCategory; body?: string | null } | null;
  document?: DocumentMetadata | null;
  idempotencyKey?: string | null;
}

const SLOT_REFUSAL = { NOT_FOUND: 'NOT_FOUND', TAKEN: 'TAKEN', BLOCKED: 'BLOCKED', IN_PAST: 'IN_PAST' } as const;

/** Checks an optional free-text reason. */
export function checkReason(
  value: string | null | undefined,
  required: boolean,
  max: number = LIMITS.reason,
): string | null {
  const trimmed = value?.trim() ?? '';
  if (trimmed.length === 0) {
    if (required) throw ReferralErrors.reasonRequired();
    return null;
  }
  if (trimmed.length > max) throw ReferralErrors.badText('input.reason', max);
  return trimmed;
}

/**
 * Creating referrals: every rule the method declares is checked before the transaction, and the
 * transaction itself only books the slot (conditionally) and writes. A refusal writes nothing.
 */
export class ReferralService {
  constructor(private readonly ctx: AuthenticatedContext) {}

  private get actor() {
    return this.ctx.actor;
  }

  private async hub(): Promise<Organisation> {
    const hub = await findHubOfPcn(this.ctx.em, this.actor.pcnId);
    if (!hub) throw ReferralErrors.noHub();
    return hub;
  }

  /** A practice refers one of its patients by a practice-started method. */
  async referPatient(input: ReferPatientInput): Promise<Referral> {
    const actor = this.actor;
    const strategy = strategyOf(input.method);
    if (strategy.properties.initiator !== 'PRACTICE' || actor.organisationKind !== 'PRACTICE') {
      throw ReferralErrors.wrongInitiator(
        input.method,
        strategy.properties.initiator === 'HUB' ? 'hub (referFromConsultation)' : 'practice',
      );
    }
    const request: ReferralRequest = {
      method: input.method,
      slotId: input.slotId ? expectGlobalId(input.slotId, 'Slot', 'input.slotId') : null,
      consentToRecordAccess: input.consentToRecordAccess ?? null,
      task: input.task
        ? { ...input.task, teamId: expectGlobalId(input.task.teamId, 'HubTeam', 'input.task.teamId') }
        : null,
      document: input.document ?? null,
    };
    const details = strategy.check(request);
    const reason = checkReason(input.reason, false);
    const serviceId = expectGlobalId(input.serviceId, 'HubService', 'input.serviceId');
    const nhsNumber = normaliseNhsNumber(input.nhsNumber);
    if (!nhsNumber || !isValidNhsNumber(nhsNumber)) throw ReferralErrors.patientNotFound();

    const hub = await this.hub();
    const service = await this.ctx.em.findOne(HubService, { id: serviceId, hub: hub.id });
    if (!service) throw ReferralErrors.serviceNotFound('input.serviceId');
    if (!service.active || !service.referralMethods.includes(input.method))
      throw ReferralErrors.methodNotAccepted(input.method, serviceId);
    const patient = await this.ctx.em.findOne(Patient, { $and: [{ nhsNumber }, patientScope(actor)] });
    if (!patient) {
      await this.ctx.audit.recordNow(this.ctx.em, [
        {
          action: 'referPatient',
          subjectType: 'Patient',
          outcome: 'FAILED',
          reason: 'patient not found or not visible',
        },
      ]);
      throw ReferralErrors.patientNotFound();
    }
    const events = new ChangeEvents();
    const { result, replayed } = await runIdempotent(
      this.ctx.em,
      { actorId: actor.id, key: input.idempotencyKey, operation: 'referPatient', input },
      async (em) => {
        // Inside the idempotent unit, so a replay answers with the first result rather than "slot taken".
        const consent = await this.checkMethodRules(em, strategy, details, request, hub, service);
        const referral = newReferral(em, actor.id, {
          method: input.method,
          hubId: hub.id,
          serviceId: service.id,
          fromOrgId: actor.organisationId,
          patient,
          reason,
          details,
          consent,
        });
        await recordCreation(em, referral, actor.id, events);
        if (details.slotId) await this.book(em, referral, details.slotId, strategy, events);
        this.ctx.audit.record(em, {
          action: 'referPatient',
          subjectType: 'Referral',
          subjectId: referral.id,
          patientId: patient.id,
          reason: input.method,
        });
        await events.appendPending(em);
        return referral;
      },
      { resultId: (r) => r.id, replay: (id) => this.ctx.em.fork().findOneOrFail(Referral, { id }) },
    );
    if (!replayed) hintCommitted(this.ctx.events, events.hints);
    return result;
  }

  /**
   * The rules a method declares: consent, agreement, organisation group, slot and team, checked
   * before the first write. Every refusal names the rule. Returns whether consent was recorded.
   */
  private async checkMethodRules(
    em: Em,
    strategy: ReferralMethodStrategy,
    details: MethodDetails,
    request: ReferralRequest,
    hub: Organisation,
    service: HubService,
  ): Promise<boolean> {
    const { properties, method } = strategy;
    const practiceId = this.actor.organisationId;
    if (properties.needsConsent && request.consentToRecordAccess !== true) throw ReferralErrors.consentRequired();
    if (properties.requiredAgreement) {
      const agreement = await em.findOne(ReferralAgreement, {
        hub: hub.id,
        practice: practiceId,
        type: properties.requiredAgreement,
      });
      if (agreement?.state !== 'ACTIVE') {
        throw ReferralErrors.agreementMissing(
          properties.requiredAgreement,
          method,
          this.actor.organisationOds,
          hub.odsCode,
          agreement?.state ?? null,
        );
      }
    }
    if (
      properties.needsOrganisationGroup &&
      !(await em.count(OrganisationGroupMember, { hub: hub.id, member: practiceId }))
    ) {
      throw ReferralErrors.notInOrganisationGroup(this.actor.organisationOds, hub.odsCode);
    }
    if (details.slotId) await this.checkSlot(em, details.slotId, hub.id, service.id, properties.needsGpConnectBook);
    if (details.task) {
      const team = await em.findOne(HubTeam, { id: details.task.teamId, hub: hub.id });
      if (!team) throw ReferralErrors.teamNotFound();
      if (!team.acceptsCrossOrgTasks) throw ReferralErrors.teamRefusesTasks(team.id);
    }
    return request.consentToRecordAccess === true;
  }

  /** Early, friendly refusals; the conditional UPDATE in the transaction still decides races. */
  async checkSlot(
    em: Em,
    slotId: string,
    hubId: string,
    serviceId: string,
    needsGpConnectBook: boolean,
  ): Promise<void> {
    const slot = await slotFacts(em, slotId);
    if (!slot || slot.hubId !== hubId) throw ReferralErrors.slotNotFound();
    if (slot.serviceId !== serviceId) throw ReferralErrors.slotOfOtherService();
    if (needsGpConnectBook && !slot.gpConnectBookable) throw ReferralErrors.notGpConnectBookable();
    if (!slot.bookActive) throw ReferralErrors.slotUnavailable(slot.id, 'BOOK_CLOSED');
    if (slot.status !== 'FREE')
      throw ReferralErrors.slotUnavailable(slot.id, slot.status === 'BOOKED' ? 'TAKEN' : slot.status);
    if (slot.startsAt.getTime() <= Date.now()) throw ReferralErrors.slotUnavailable(slot.id, 'IN_PAST');
  }

  /** Takes the slot for the referral (REQUESTED -> BOOKED), then READY or AWAITING_TRACE. */
  async book(
    em: Tx,
    referral: Referral,
    slotId: string,
    strategy: ReferralMethodStrategy,
    events: ChangeEvents,
  ): Promise<void> {
    const refusal = await claimSlot(em, slotId, this.actor.organisationId);
    if (refusal) throw ReferralErrors.slotUnavailable(slotId, SLOT_REFUSAL[refusal]);
    referral.slot = em.getReference(Slot, slotId, { wrapped: true });
    await moveReferral(em, referral, 'BOOKED', this.actor.id, null, events);
    await settleBooking(em, referral, strategy.properties, this.actor.id, events);
  }
}
