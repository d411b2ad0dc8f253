import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { normaliseOdsCode } from '@pcn-hub/schema';
import { runChange } from '../../../platform/changes.js';
import type { AuthenticatedContext } from '../../../platform/context.js';
import { Organisation } from '../../organisations/index.js';
import { Patient } from '../../patients/index.js';
import { findHubOfPcn } from '../../hub-services/index.js';
import { OnlineConsultation } from '../online-consultation.entity.js';
import { OcRoutingSetting } from '../inbox-settings.entity.js';
import { DEFAULT_OC_ROUTING, UNASSIGNED_URGENCY_RANK, type RoutingReason } from '../inbox.codes.js';
import { routeArrival } from '../capacity/capacity.rules.js';
import { loadHubCapacity } from '../capacity/capacity.service.js';
import { InboxErrors } from '../inbox.errors.js';
import { recordTransition } from '../inbox.events.js';
import { validateSubmission, type SubmissionInput } from '../inbox.validation.js';

export interface SubmissionResult {
  readonly consultation: OnlineConsultation;
  readonly created: boolean;
}

/**
 * Ingest of online consultations from suppliers. Idempotent on (supplier, supplierReference): the
 * MESH copy and the e-mail copy of one consultation store it once.
 */
export class IngestService {
  constructor(private readonly ctx: AuthenticatedContext) {}

  async submit(input: SubmissionInput & { originatingPracticeOdsCode: string }): Promise<SubmissionResult> {
    const now = new Date();
    const clean = validateSubmission(input, now, this.ctx.settings.attachments);
    const actor = this.ctx.actor;
    const em = this.ctx.em;
    const practice = await em.findOne(Organisation, {
      odsCode: normaliseOdsCode(input.originatingPracticeOdsCode),
      kind: 'PRACTICE',
      active: true,
      pcn: actor.pcnId,
    });
    if (!practice || (actor.organisationKind === 'PRACTICE' && practice.id !== actor.organisationId)) {
      throw InboxErrors.unknownPractice();
    }
    const existing = await this.existing(clean.supplier, clean.supplierReference);
    if (existing) return existing;

    const hub = await findHubOfPcn(em, actor.pcnId);
    const setting = await em.findOne(OcRoutingSetting, { practice: practice.id });
    const capacity = hub ? await loadHubCapacity(em, hub.id, now) : null;
    const route = hub && capacity ? routeArrival(setting?.routing ?? DEFAULT_OC_ROUTING, capacity) : null;
    const ownerId = route?.owner === 'HUB' ? hub!.id : practice.id;
    const routingReason: RoutingReason = route?.reason ?? 'PRACTICE_SETTING';
    const patient = await em.findOne(Patient, {
      nhsNumber: clean.patient.nhsNumber,
      dateOfBirth: clean.patient.dateOfBirth,
      registeredPractice: practice.id,
    });

    try {
      const consultation = await runChange(this.ctx, {
        action: 'submitOnlineConsultation',
        subjectType: 'OnlineConsultation',
        work: async (tx, events) => {
          const c = tx.create(OnlineConsultation, {
            supplier: clean.supplier,
            supplierReference: clean.supplierReference,
            originatingPractice: practice.id,
            owner: ownerId,
            patient: patient?.id ?? null,
            ...clean.patient,
            type: clean.type,
            template: clean.template,
            submittedAt: clean.submittedAt,
            responseExpectedBy: clean.responseExpectedBy,
            answers: clean.answers,
            redFlags: clean.redFlags,
            redFlagCount: clean.redFlags.length,
            ice: clean.ice,
            attachments: clean.attachments,
            state: patient ? 'AWAITING_TRIAGE' : 'UNMATCHED',
            urgency: null,
            urgencyRank: UNASSIGNED_URGENCY_RANK,
            signpost: null,
            routingReason,
          });
          // Insert first: a concurrent duplicate fails here, before any event is appended.
          await tx.flush();
          events.written(
            await recordTransition(tx, {
              consultation: c,
              action: 'ARRIVE',
              from: 'RECEIVED',
              to: c.state,
              actorId: actor.id,
              reason: routingReason,
              fromOwnerId: null,
              toOwnerId: ownerId,
              extra: { originatingPracticeId: practice.id, routingReason, matched: Boolean(patient) },
            }),
          );
          return c;
        },
        audit: (c) => ({ subjectId: c.id, patientId: patient?.id ?? null }),
      });
      return { consultation, created: true };
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        const raced = await this.existing(clean.supplier, clean.supplierReference);
        if (raced) return raced;
      }
      throw error;
    }
  }

  /** A stored consultation with this business key, if it is within the submitter's PCN. */
  private async existing(supplier: string, supplierReference: string): Promise<SubmissionResult | null> {
    const found = await this.ctx.em
      .fork()
      .findOne(OnlineConsultation, { supplier, supplierReference }, { populate: ['originatingPractice'] });
    if (!found) return null;
    if (found.originatingPractice.getEntity().pcn?.id !== this.ctx.actor.pcnId)
      throw InboxErrors.supplierReferenceTaken();
    return { consultation: found, created: false };
  }
}
