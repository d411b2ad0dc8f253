import { randomBytes, randomUUID } from 'node:crypto';
import { ref } from '@mikro-orm/core';
import { buildShortFormPrescriptionId, isValidNhsNumber, normaliseNhsNumber } from '@pcn-hub/schema';
import type { AuthenticatedContext } from '../../../platform/context.js';
import { changeRow, hintCommitted, type ChangeEvents, type Tx } from '../../../platform/changes.js';
import { Errors } from '../../../platform/errors.js';
import type { StoredEvent } from '../../../platform/events/index.js';
import { expectGlobalId } from '../../../platform/graphql/relay.js';
import { uuidv7 } from '../../../platform/ids.js';
import { runIdempotent } from '../../../platform/idempotency/index.js';
import { HubService } from '../../hub-services/index.js';
import { Organisation } from '../../organisations/index.js';
import { Patient, patientScope } from '../../patients/index.js';
import { activeCostCentreOf, activePrescriber } from '../cost-centre/cost-centre.service.js';
import { EPS_CANCELLATION_REASONS, type EpsCancellationReason } from '../eps/eps.codes.js';
import { queueEpsMessage } from '../eps/outbox.service.js';
import {
  nextState,
  PRESCRIPTION_TYPE_OF,
  TARGET_OF,
  type CourseOfTherapy,
  type PrescriptionAction,
} from '../prescribing.codes.js';
import { PrescribingErrors } from '../prescribing.errors.js';
import { recordTransition } from '../prescribing.events.js';
import { canReconcileAtPractice, canSeePrescription, cancelRule } from '../prescribing.policy.js';
import { nextSequence } from './sequence.service.js';
import {
  validateDispenser,
  validateItems,
  validateReason,
  type PrescriptionItemInput,
} from '../prescribing.validation.js';
import { linkIssuedToConsultation, validateConsultationLink } from './write-back.service.js';
import { Prescription, PrescriptionItem } from '../prescription.entity.js';

export interface RaisePrescriptionInput {
  readonly patientId?: string | null;
  readonly nhsNumber?: string | null;
  readonly items: readonly PrescriptionItemInput[];
  readonly courseOfTherapy: CourseOfTherapy;
  readonly nominatedDispenserOds?: string | null;
  readonly hubServiceId?: string | null;
  readonly consultationId?: string | null;
  readonly idempotencyKey?: string | null;
}

interface Outcome {
  readonly prescription: Prescription;
  readonly events: StoredEvent[];
}

/**
 * Prescribing use cases. Every change locks the prescription row, checks the transition table
 * and the actor's right, then writes the new state, a history row, events on the hub's and the
 * practice's streams and an audit row in one transaction; events are hinted after commit.
 */
export class PrescriptionCommands {
  constructor(private readonly ctx: AuthenticatedContext) {}

  private get actor() {
    return this.ctx.actor;
  }

  async raise(input: RaisePrescriptionInput): Promise<Prescription> {
    const actor = this.actor;
    const items = validateItems(input.items);
    const dispenser = validateDispenser(input.nominatedDispenserOds);
    const patient = await this.visiblePatient(input);
    const hubServiceId = input.hubServiceId ? await this.hubService(input.hubServiceId) : null;
    const consultationId = input.consultationId
      ? await validateConsultationLink(this.ctx, input.consultationId, patient.id)
      : null;
    const { result } = await runIdempotent(
      this.ctx.em,
      { actorId: actor.id, key: input.idempotencyKey, operation: 'raisePrescription', input },
      async (em): Promise<Outcome> => {
        const prescription = em.create(Prescription, {
          id: uuidv7(),
          hub: em.getReference(Organisation, actor.organisationId),
          patient: em.getReference(Patient, patient.id),
          registeredPractice: em.getReference(Organisation, patient.registeredPractice.id),
          hubService: hubServiceId ? em.getReference(HubService, hubServiceId) : null,
          consultationId,
          courseOfTherapy: input.courseOfTherapy,
          state: 'RAISED',
          itemCount: items.length,
          nominatedDispenserOds: dispenser,
          raisedBy: actor.id,
        });
        for (const item of items) em.create(PrescriptionItem, { id: uuidv7(), prescription, ...item });
        const events = await this.transition(em, prescription, 'RAISE', null);
        // The hub never issues repeats: they go straight to the registered practice
        // (docs/domain/workflows.md#prescription-states).
        if (input.courseOfTherapy === 'REPEAT')
          events.push(...(await this.transition(em, prescription, 'SEND_TO_PRACTICE')));
        this.ctx.audit.record(em, {
          action: 'raisePrescription',
          subjectType: 'Prescription',
          subjectId: prescription.id,
          patientId: patient.id,
        });
        return { prescription, events };
      },
      {
        resultId: (r) => r.prescription.id,
        replay: async (id) => ({
          prescription: await this.ctx.em.fork().findOneOrFail(Prescription, { id }),
          events: [],
        }),
      },
    );
    hintCommitted(this.ctx.events, result.events);
    return result.prescription;
  }

  /** Issues an acute prescription under the hub's cost centre: EPS short-form and long-form ids. */
  async issue(input: { prescriptionId: string }): Promise<Prescription> {
    return this.change(input.prescriptionId, 'issue', async (em, p, change) => {
      if (p.courseOfTherapy === 'REPEAT') throw PrescribingErrors.repeatNotIssuedAtHub(p.id, p.state);
      this.expectTransition(p, 'ISSUE');
      if (!this.actor.roles.has('HUB_PRESCRIBER')) throw PrescribingErrors.notAPrescriber();
      const costCentre = await activeCostCentreOf(em, p.hub.id);
      if (!costCentre) throw PrescribingErrors.noCostCentre();
      const prescriber = await activePrescriber(em, costCentre.id, this.actor.id);
      if (!prescriber) throw PrescribingErrors.notAPrescriber();
      // Every check passed: only now take a sequence value (rolled back with everything else on failure).
      this.assignIds(p, costCentre.odsCode, await nextSequence(em, costCentre.odsCode));
      p.costCentre = ref(costCentre);
      p.prescriber = ref(prescriber);
      p.prescriberCodeKind = prescriber.codeKind;
      p.prescriberCode = prescriber.code;
      p.prescriptionType = PRESCRIPTION_TYPE_OF[prescriber.profession].code;
      const events = await this.transition(em, p, 'ISSUE');
      // The EPS prescription-order leaves through the outbox, for the EPS plugin (docs/domain/workflows.md#eps-messages).
      events.push(await queueEpsMessage(em, p, 'ORDER', this.actor.id));
      change.written(await linkIssuedToConsultation(em, p, this.actor));
      return events;
    });
  }

  /** A practice clinician of the registered practice issues a repeat the hub sent. */
  async issueAtPractice(input: { prescriptionId: string }): Promise<Prescription> {
    return this.change(input.prescriptionId, 'issueRepeatAtPractice', async (em, p) => {
      if (p.courseOfTherapy === 'ACUTE') throw PrescribingErrors.acuteNotForPractice(p.id);
      this.expectTransition(p, 'ISSUE_AT_PRACTICE');
      if (!canReconcileAtPractice(this.actor, { registeredPracticeId: p.registeredPractice.id }))
        throw PrescribingErrors.notAllowed('issue');
      // The practice prescribes under its own cost centre: its ODS code is the id's middle block.
      const ods = this.actor.organisationOds;
      this.assignIds(p, ods, await nextSequence(em, ods));
      return this.transition(em, p, 'ISSUE_AT_PRACTICE');
    });
  }

  async reject(input: { prescriptionId: string; reason: string }): Promise<Prescription> {
    const reason = validateReason(input.reason);
    return this.change(input.prescriptionId, 'rejectPrescription', async (em, p) => {
      this.expectTransition(p, 'REJECT');
      if (!canReconcileAtPractice(this.actor, { registeredPracticeId: p.registeredPractice.id }))
        throw PrescribingErrors.notAllowed('reject');
      p.statusReason = reason;
      return this.transition(em, p, 'REJECT', p.state, reason);
    });
  }

  async cancel(input: {
    prescriptionId: string;
    reason: string;
    epsCancellationReason?: EpsCancellationReason | null;
  }): Promise<Prescription> {
    const reason = validateReason(input.reason);
    const epsReason = EPS_CANCELLATION_REASONS[input.epsCancellationReason ?? 'PRESCRIBING_ERROR'];
    return this.change(input.prescriptionId, 'cancelPrescription', async (em, p) => {
      this.expectTransition(p, 'CANCEL');
      const rule = cancelRule(this.actor, {
        hubId: p.hub.id,
        registeredPracticeId: p.registeredPractice.id,
        state: p.state,
        issuedAtHub: p.costCentre !== null,
      });
      if (rule === 'DENIED') throw PrescribingErrors.notAllowed('cancel');
      if (rule === 'HUB_PRESCRIBER' && !(await activePrescriber(em, p.costCentre!.id, this.actor.id)))
        throw PrescribingErrors.notAPrescriber();
      p.statusReason = reason;
      const sentToEps = p.state === 'ISSUED' && p.costCentre !== null;
      const events = await this.transition(em, p, 'CANCEL', p.state, reason);
      // An order that went to EPS is cancelled there too: a prescription-order-update through the outbox.
      if (sentToEps) events.push(await queueEpsMessage(em, p, 'CANCEL', this.actor.id, epsReason.code));
      return events;
    });
  }

  /** The dispensing tracker (an INTEGRATION principal) reports the prescription dispensed. */
  async recordDispensed(input: { prescriptionId: string }): Promise<Prescription> {
    return this.change(input.prescriptionId, 'recordDispensed', async (em, p) => {
      this.expectTransition(p, 'RECORD_DISPENSED');
      return this.transition(em, p, 'RECORD_DISPENSED');
    });
  }

  /**
   * One change of a prescription through the platform's change recipe (`platform/changes.ts`):
   * the locked, visible prescription, `apply`, the audit row in one transaction; hints after
   * commit. A FORBIDDEN refusal is audited as DENIED once the transaction has rolled back.
   */
  private change(
    globalId: string,
    action: string,
    apply: (tx: Tx, p: Prescription, events: ChangeEvents) => Promise<StoredEvent[]>,
  ): Promise<Prescription> {
    return changeRow(this.ctx, {
      entity: Prescription,
      id: expectGlobalId(globalId, 'Prescription', 'input.prescriptionId'),
      action,
      subjectType: 'Prescription',
      visible: (p) =>
        canSeePrescription(this.actor, { hubId: p.hub.id, registeredPracticeId: p.registeredPractice.id }),
      notFound: (id) => PrescribingErrors.notFound(id),
      apply: async (tx, p, events) => events.written(await apply(tx, p, events)),
      audit: (p) => ({ patientId: p.patient.id }),
    });
  }

  private expectTransition(p: Prescription, action: PrescriptionAction): void {
    if (!nextState(p.state, action)) throw PrescribingErrors.invalidTransition(p.id, p.state, TARGET_OF[action]);
  }

  private assignIds(p: Prescription, ods: string, sequence: number): void {
    p.shortFormId = buildShortFormPrescriptionId({
      random6Hex: randomBytes(3).toString('hex'),
      odsCode: ods,
      sequence,
    });
    p.longFormId = randomUUID();
    p.issuerOds = ods;
    p.issuedBy = this.actor.id;
    p.issuedAt = new Date();
  }

  /** Moves `p` by `action` (the table decides the target) and records history and events. */
  private async transition(
    em: Tx,
    p: Prescription,
    action: PrescriptionAction,
    from: Prescription['state'] | null = p.state,
    reason: string | null = null,
  ): Promise<StoredEvent[]> {
    const to = nextState(from, action);
    if (!to) throw PrescribingErrors.invalidTransition(p.id, from ?? 'RAISED', TARGET_OF[action]);
    p.state = to;
    return recordTransition(em, {
      prescription: p,
      action,
      from,
      to,
      actorId: this.actor.id,
      actorOrganisationId: this.actor.organisationId,
      reason,
    });
  }

  /** The patient, by id or NHS number, if the actor may see them; NOT_FOUND (audited) otherwise. */
  private async visiblePatient(input: RaisePrescriptionInput): Promise<Patient> {
    const hasId = Boolean(input.patientId);
    const hasNhs = Boolean(input.nhsNumber);
    if (hasId === hasNhs) throw PrescribingErrors.patientRequired();
    const field = hasId ? 'input.patientId' : 'input.nhsNumber';
    let where: { id: string } | { nhsNumber: string };
    if (hasId) {
      where = { id: expectGlobalId(input.patientId!, 'Patient', field) };
    } else {
      const nhs = normaliseNhsNumber(input.nhsNumber!);
      if (!nhs || !isValidNhsNumber(nhs)) throw Errors.badInput(field, 'Not a valid NHS number');
      where = { nhsNumber: nhs };
    }
    const patient = await this.ctx.em.findOne(Patient, { $and: [where, patientScope(this.actor)] });
    if (!patient) {
      await this.ctx.audit.recordNow(this.ctx.em, [
        {
          action: 'raisePrescription',
          subjectType: 'Patient',
          outcome: 'FAILED',
          reason: 'patient not found or not visible',
        },
      ]);
      throw PrescribingErrors.patientNotFound(field);
    }
    return patient;
  }

  private async hubService(globalId: string): Promise<string> {
    const id = expectGlobalId(globalId, 'HubService', 'input.hubServiceId');
    const service = await this.ctx.em.findOne(HubService, { id, hub: this.actor.organisationId });
    if (!service) throw PrescribingErrors.hubServiceNotFound();
    return service.id;
  }
}
