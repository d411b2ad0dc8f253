import type { FilterQuery } from '@mikro-orm/core';
import { normaliseOdsCode } from '@pcn-hub/schema';
import type { Actor } from '../../../platform/auth/actor.js';
import type { AuthenticatedContext } from '../../../platform/context.js';
import { expectGlobalId } from '../../../platform/graphql/relay.js';
import { keyset } from '../../../platform/graphql/keyset.js';
import type { CourseOfTherapy, PrescriptionState } from '../prescribing.codes.js';
import { PrescribingErrors } from '../prescribing.errors.js';
import { canSeePrescription } from '../prescribing.policy.js';
import { Prescription, PrescriptionItem, PrescriptionTransition } from '../prescription.entity.js';
import { loaderByParent } from '../../../platform/db/loaders.js';

export interface PrescriptionFilterInput {
  readonly states?: PrescriptionState[] | null;
  readonly courseOfTherapy?: CourseOfTherapy | null;
  readonly patientId?: string | null;
  readonly registeredPracticeOdsCode?: string | null;
  readonly prescriberCode?: string | null;
  readonly issuedFrom?: Date | null;
  readonly issuedTo?: Date | null;
}

type Where = FilterQuery<Prescription>;

/** Cursor of the `prescriptions` order (newest first; ids are UUIDv7, so id order is time order). */
/** Prescriptions, newest first (ids are UUIDv7). */
const PRESCRIPTION_PAGE = keyset<Prescription>([{ property: 'id', part: 'uuid', of: (p) => p.id }], 'desc');
export const prescriptionCursor = PRESCRIPTION_PAGE.cursorOf;

/** Rows the actor may see: the raising hub's, or the registered practice's. */
function scope(actor: Actor): Where {
  if (actor.organisationKind === 'HUB') return { hub: actor.organisationId };
  if (actor.organisationKind === 'PRACTICE') return { registeredPractice: actor.organisationId };
  return { id: { $in: [] } };
}

/** Reading prescriptions. Every prescription returned is audited with its patient id. */
export class PrescriptionQueries {
  constructor(private readonly ctx: AuthenticatedContext) {}

  async byId(globalId: string, field = 'id'): Promise<Prescription> {
    const id = expectGlobalId(globalId, 'Prescription', field);
    const p = await this.ctx.em.findOne(Prescription, { id });
    if (!p || !canSeePrescription(this.ctx.actor, { hubId: p.hub.id, registeredPracticeId: p.registeredPractice.id })) {
      await this.ctx.audit.recordNow(this.ctx.em, [
        {
          action: 'readPrescription',
          subjectType: 'Prescription',
          subjectId: id,
          outcome: 'FAILED',
          reason: 'not found or not visible',
        },
      ]);
      throw PrescribingErrors.notFound(id, field);
    }
    await this.auditReads([p]);
    return p;
  }

  /** One keyset page (`size + 1` rows fetched to know whether more follow). */
  async page(filter: PrescriptionFilterInput | null, size: number, after: string | null): Promise<Prescription[]> {
    const where: Where[] = [scope(this.ctx.actor)];
    const f = filter ?? {};
    if (f.states?.length) where.push({ state: { $in: f.states } });
    if (f.courseOfTherapy) where.push({ courseOfTherapy: f.courseOfTherapy });
    if (f.patientId) where.push({ patient: expectGlobalId(f.patientId, 'Patient', 'filter.patientId') });
    if (f.registeredPracticeOdsCode)
      where.push({ registeredPractice: { odsCode: normaliseOdsCode(f.registeredPracticeOdsCode) } });
    if (f.prescriberCode) where.push({ prescriberCode: f.prescriberCode.trim().toUpperCase() });
    if (f.issuedFrom) where.push({ issuedAt: { $gte: f.issuedFrom } });
    if (f.issuedTo) where.push({ issuedAt: { $lt: f.issuedTo } });
    const next = PRESCRIPTION_PAGE.after(after);
    if (next) where.push(next);
    const rows = await this.ctx.em.find(
      Prescription,
      { $and: where },
      { orderBy: PRESCRIPTION_PAGE.orderBy, limit: size + 1 },
    );
    await this.auditReads(rows.slice(0, size));
    return rows;
  }

  private async auditReads(rows: readonly Prescription[]): Promise<void> {
    await this.ctx.audit.recordNow(
      this.ctx.em,
      rows.map((p) => ({
        action: 'readPrescription',
        subjectType: 'Prescription',
        subjectId: p.id,
        patientId: p.patient.id,
      })),
    );
  }
}

/** Items of prescriptions by prescription id, line order; one SQL statement per batch. */
export const itemsByPrescription = loaderByParent('prescriptionItems', PrescriptionItem, 'prescription', {
  lineNo: 'asc',
});

/** State history of prescriptions by prescription id, oldest first; one SQL statement per batch. */
export const historyByPrescription = loaderByParent('prescriptionHistory', PrescriptionTransition, 'prescription', {
  at: 'asc',
  id: 'asc',
});
