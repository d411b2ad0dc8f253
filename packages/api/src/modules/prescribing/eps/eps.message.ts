import type { Em } from '../../../platform/db/orm.js';
import { Organisation, StaffUser } from '../../organisations/index.js';
import { Patient } from '../../patients/index.js';
import { PrescribingCostCentre, Prescriber } from '../cost-centre.entity.js';
import { renderEpsCancellation } from './cancellation.message.js';
import { EPS_CANCELLATION_REASONS, type EpsOperation } from './eps.codes.js';
import { renderEpsPrescriptionOrder, type EpsContext, type EpsPrescription } from './order.message.js';
import { EpsMessage } from '../eps-message.entity.js';
import { PrescriptionItem, type Prescription } from '../prescription.entity.js';

type Json = Record<string, unknown>;

const GENDER = { FEMALE: 'female', MALE: 'male', OTHER: 'other', UNKNOWN: 'unknown' } as const;

/** "Sam Carter" -> given Sam, family Carter; a single word is the family name. */
export function splitName(displayName: string): { given: string | null; family: string } {
  const words = displayName.trim().split(/\s+/);
  const family = words.pop() ?? displayName;
  return { given: words.length > 0 ? words.join(' ') : null, family };
}

/**
 * The EPS message `operation` of an issued hub prescription as the FHIR Bundle, rendered from the
 * rows as stored (the issue copied the cost centre and prescriber onto the prescription), or null
 * when there is no such message (not issued at the hub, or not cancelled).
 */
export async function renderEpsMessageOf(em: Em, p: Prescription, operation: EpsOperation): Promise<Json | null> {
  const message = await em.findOne(EpsMessage, { prescription: p.id, operation });
  if (!message || !p.costCentre || !p.prescriber || !p.shortFormId || !p.longFormId || !p.issuedAt) return null;
  const [items, patient, practice, costCentre, prescriber] = await Promise.all([
    em.find(PrescriptionItem, { prescription: p.id }, { orderBy: { lineNo: 'asc' } }),
    em.findOneOrFail(Patient, { id: p.patient.id }),
    em.findOneOrFail(Organisation, { id: p.registeredPractice.id }),
    em.findOneOrFail(PrescribingCostCentre, { id: p.costCentre.id }),
    em.findOneOrFail(Prescriber, { id: p.prescriber.id }),
  ]);
  const staff = await em.findOneOrFail(StaffUser, { id: prescriber.staffUser.id });
  const prescription: EpsPrescription = {
    shortFormId: p.shortFormId,
    longFormId: p.longFormId,
    courseOfTherapy: p.courseOfTherapy,
    issuedAt: p.issuedAt,
    nominatedDispenserOds: p.nominatedDispenserOds ?? null,
    items: items.map((item) => ({
      lineItemId: item.id,
      dmdCode: item.dmdCode,
      medicineName: item.medicineName ?? null,
      quantity: item.quantity,
      unit: item.unit,
      dosageText: item.dosageText,
    })),
  };
  const context: EpsContext = {
    messageId: message.id,
    patient: {
      nhsNumber: patient.nhsNumber,
      givenName: patient.givenName,
      familyName: patient.familyName,
      dateOfBirth: patient.dateOfBirth.slice(0, 10),
      gender: GENDER[patient.sex as keyof typeof GENDER],
      registeredPracticeOds: practice.odsCode,
    },
    prescriber: {
      ...splitName(staff.displayName),
      // As issued: the code copied onto the prescription, whatever the prescriber record says now.
      codeKind: p.prescriberCodeKind ?? prescriber.codeKind,
      code: p.prescriberCode ?? prescriber.code,
      profession: prescriber.profession,
    },
    costCentre: {
      odsCode: costCentre.odsCode,
      name: costCentre.name,
      parentCommissionerCode: costCentre.parentCommissionerCode ?? null,
    },
  };
  if (operation === 'ORDER') return renderEpsPrescriptionOrder(prescription, context);
  const reason =
    Object.values(EPS_CANCELLATION_REASONS).find((r) => r.code === message.reasonCode) ??
    EPS_CANCELLATION_REASONS.PRESCRIBING_ERROR;
  return renderEpsCancellation(prescription, context, reason);
}
