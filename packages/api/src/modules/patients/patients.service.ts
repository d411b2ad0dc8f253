import { isValidNhsNumber, normaliseNhsNumber, normaliseOdsCode } from '@pcn-hub/schema';
import type { AuthenticatedContext } from '../../platform/context.js';
import { Errors, HubError } from '../../platform/errors.js';
import { keyset } from '../../platform/graphql/keyset.js';
import { Organisation, canSeeOrganisation } from '../organisations/index.js';
import { Patient, type Sex } from './patient.entity.js';
import { auditPatientReadFailed, auditPatientReads } from './audit.service.js';
import { patientScope } from './patients.policy.js';
import { readPatientPage } from './patients.query.js';
import type { PatientType } from './patients.types.js';
import { SqlConditions } from '../../platform/db/sql.js';

const PatientErrors = {
  notFound: () => new HubError('NOT_FOUND', 'Patient not found', { field: 'nhsNumber' }),
  alreadyRegistered: () =>
    new HubError('CONFLICT', 'A patient with that NHS number is already registered', { field: 'input.nhsNumber' }),
  practiceNotFound: () =>
    new HubError('NOT_FOUND', 'Practice not found in this PCN', { field: 'input.registeredPracticeOdsCode' }),
  badName: (field: string) => Errors.badInput(field, `${field} must be 1-100 characters`),
  futureBirth: () => Errors.badInput('input.dateOfBirth', 'Date of birth cannot be in the future'),
} as const;

/** Patients by name, then id: the order of `patients`, its cursor over (familyName, givenName, id). */
const PATIENT_PAGE = keyset<PatientType>(
  [
    { property: 'familyName', part: 'text', of: (p) => p.familyName },
    { property: 'givenName', part: 'text', of: (p) => p.givenName },
    { property: 'id', part: 'uuid', of: (p) => p.dbId },
  ],
  'asc',
);
export const patientCursor = PATIENT_PAGE.cursorOf;

/** Use cases for patients. Every read is audited with the patient ids it returned. */
export class PatientService {
  constructor(private readonly ctx: AuthenticatedContext) {}

  async byNhsNumber(nhsNumber: string): Promise<Patient> {
    const normalised = normaliseNhsNumber(nhsNumber);
    if (!normalised || !isValidNhsNumber(normalised)) throw Errors.badInput('nhsNumber', 'Not a valid NHS number');
    const patient = await this.ctx.em.findOne(Patient, {
      $and: [{ nhsNumber: normalised }, patientScope(this.ctx.actor)],
    });
    if (!patient) {
      await auditPatientReadFailed(this.ctx);
      throw PatientErrors.notFound();
    }
    await this.auditReads([patient]);
    return patient;
  }

  /**
   * Keyset page of visible patients (`size + 1` rows, to know whether more follow); `search` is an
   * NHS number or the start of a family name. One statement reads the rows (with their registered
   * practice when asked) and writes the audit rows of the `size` returned.
   */
  async search(
    search: string | null,
    size: number,
    after: string | null,
    registeredPractice = false,
  ): Promise<PatientType[]> {
    const where = new SqlConditions();
    const term = search?.trim() ?? '';
    if (term.length > 100) throw Errors.badInput('search', 'search must be at most 100 characters');
    const nhs = normaliseNhsNumber(term);
    if (nhs && isValidNhsNumber(nhs)) {
      where.add('p.nhs_number = ?', nhs);
    } else if (term.length > 0) {
      where.add('p.family_name ilike ?', `${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    }
    const next = PATIENT_PAGE.decode(after);
    if (next) where.add('(p.family_name, p.given_name, p.id) > (?, ?, ?)', ...next);
    const audit = { log: this.ctx.audit, count: size };
    return readPatientPage(
      { em: this.ctx.sqlEm, actor: this.ctx.actor, where, limit: size + 1, audit },
      registeredPractice,
    );
  }

  async register(input: {
    nhsNumber: string;
    givenName: string;
    familyName: string;
    dateOfBirth: string;
    sex?: Sex | null;
    registeredPracticeOdsCode: string;
  }): Promise<Patient> {
    const actor = this.ctx.actor;
    const nhsNumber = normaliseNhsNumber(input.nhsNumber);
    if (!nhsNumber || !isValidNhsNumber(nhsNumber)) throw Errors.badInput('input.nhsNumber', 'Not a valid NHS number');
    const givenName = input.givenName.trim();
    const familyName = input.familyName.trim();
    if (givenName.length < 1 || givenName.length > 100) throw PatientErrors.badName('input.givenName');
    if (familyName.length < 1 || familyName.length > 100) throw PatientErrors.badName('input.familyName');
    if (input.dateOfBirth > new Date().toISOString().slice(0, 10)) throw PatientErrors.futureBirth();
    const practice = await this.ctx.em.findOne(Organisation, {
      odsCode: normaliseOdsCode(input.registeredPracticeOdsCode),
    });
    if (!practice || !canSeeOrganisation(actor, { id: practice.id, pcnId: practice.pcn?.id ?? null })) {
      throw PatientErrors.practiceNotFound();
    }
    // Any organisation but one of the PCN's practices answers like an unknown code.
    if (practice.kind !== 'PRACTICE') throw PatientErrors.practiceNotFound();
    if (actor.organisationKind === 'PRACTICE' && practice.id !== actor.organisationId) {
      throw PatientErrors.practiceNotFound();
    }
    return this.ctx.em.transactional(async (em) => {
      if (await em.count(Patient, { nhsNumber })) throw PatientErrors.alreadyRegistered();
      const patient = em.create(Patient, {
        nhsNumber,
        givenName,
        familyName,
        dateOfBirth: input.dateOfBirth,
        sex: input.sex ?? 'UNKNOWN',
        registeredPractice: em.getReference(Organisation, practice.id),
      });
      this.ctx.audit.record(em, {
        action: 'registerPatient',
        subjectType: 'Patient',
        subjectId: patient.id,
        patientId: patient.id,
      });
      return patient;
    });
  }

  private async auditReads(patients: readonly Patient[]): Promise<void> {
    await auditPatientReads(
      this.ctx,
      patients.map((p) => p.id),
    );
  }
}
