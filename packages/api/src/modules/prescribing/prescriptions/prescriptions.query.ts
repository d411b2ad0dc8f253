import { normaliseOdsCode } from '@pcn-hub/schema';
import type { AuthenticatedContext } from '../../../platform/context.js';
import { expectGlobalId } from '../../../platform/graphql/relay.js';
import { keyset } from '../../../platform/graphql/keyset.js';
import { placeholders, SqlConditions } from '../../../platform/db/sql.js';
import { mayReadDemographics } from '../../patients/index.js';
import type { PrescriptionType } from '../prescribing.types.js';
import { readPrescriptionPage, type PrescriptionPageSelection } from './page.query.js';
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

/** Prescriptions, newest first (ids are UUIDv7, so id order is time order). */
const PRESCRIPTION_PAGE = keyset<{ readonly dbId: string }>(
  [{ property: 'id', part: 'uuid', of: (p) => p.dbId }],
  'desc',
);
export const prescriptionCursor = PRESCRIPTION_PAGE.cursorOf;

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

  /**
   * One keyset page (`size + 1` rows fetched to know whether more follow) with the fields and joins
   * `selection` asks for: one statement that reads the rows and writes the audit rows of the `size`
   * returned.
   */
  async page(
    filter: PrescriptionFilterInput | null,
    size: number,
    after: string | null,
    selection: PrescriptionPageSelection,
  ): Promise<PrescriptionType[]> {
    const actor = this.ctx.actor;
    const where = new SqlConditions();
    if (actor.organisationKind === 'HUB') where.add('p.hub_id = ?', actor.organisationId);
    else if (actor.organisationKind === 'PRACTICE') where.add('p.registered_practice_id = ?', actor.organisationId);
    else where.add('false');
    const f = filter ?? {};
    if (f.states?.length) where.add(`p.state in (${placeholders(f.states.length)})`, ...f.states);
    if (f.courseOfTherapy) where.add('p.course_of_therapy = ?', f.courseOfTherapy);
    if (f.patientId) where.add('p.patient_id = ?', expectGlobalId(f.patientId, 'Patient', 'filter.patientId'));
    if (f.registeredPracticeOdsCode) {
      where.add(
        'p.registered_practice_id in (select o.id from organisation o where o.ods_code = ?)',
        normaliseOdsCode(f.registeredPracticeOdsCode),
      );
    }
    if (f.prescriberCode) where.add('p.prescriber_code = ?', f.prescriberCode.trim().toUpperCase());
    if (f.issuedFrom) where.add('p.issued_at >= ?', f.issuedFrom);
    if (f.issuedTo) where.add('p.issued_at < ?', f.issuedTo);
    const next = PRESCRIPTION_PAGE.decode(after);
    if (next) where.add('p.id < ?', next[0]);
    // Only where the viewer may receive demographics; otherwise the field resolver answers null.
    const reads = { ...selection, patient: selection.patient && mayReadDemographics(actor) };
    const audit = { log: this.ctx.audit, count: size };
    return readPrescriptionPage({ em: this.ctx.sqlEm, actor, where, limit: size + 1, audit }, reads);
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
