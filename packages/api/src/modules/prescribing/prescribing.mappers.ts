import { toGlobalId } from '../../platform/graphql/relay.js';
import type { StaffUser } from '../organisations/index.js';
import type { PrescribingCostCentre, Prescriber } from './cost-centre.entity.js';
import { PRESCRIPTION_TYPE_OF, type PrescriptionAction, type PrescriptionState } from './prescribing.codes.js';
import type { SummaryRow } from './cost-centre/summary.service.js';
import type {
  PrescriberType,
  PrescribingCostCentreType,
  PrescribingSummaryRowType,
  PrescriptionItemType,
  PrescriptionTransitionType,
  PrescriptionType,
} from './prescribing.types.js';
import type { Prescription, PrescriptionItem, PrescriptionTransition } from './prescription.entity.js';

export function toPrescriptionType(p: Prescription): PrescriptionType {
  return {
    __typename: 'Prescription',
    id: toGlobalId('Prescription', p.id),
    dbId: p.id,
    hubId: p.hub.id,
    patientId: p.patient.id,
    registeredPracticeId: p.registeredPractice.id,
    hubServiceId: p.hubService?.id ?? null,
    state: p.state,
    courseOfTherapy: p.courseOfTherapy,
    shortFormId: p.shortFormId ?? null,
    longFormId: p.longFormId ?? null,
    consultationId: p.consultationId ? toGlobalId('HubConsultation', p.consultationId) : null,
    nominatedDispenserOds: p.nominatedDispenserOds ?? null,
    issuerOds: p.issuerOds ?? null,
    prescriberCodeKind: p.prescriberCodeKind ?? null,
    prescriberCode: p.prescriberCode ?? null,
    prescriptionType: p.prescriptionType ?? null,
    raisedBy: p.raisedBy,
    raisedAt: p.raisedAt,
    issuedBy: p.issuedBy ?? null,
    issuedAt: p.issuedAt ?? null,
    statusReason: p.statusReason ?? null,
  };
}

export function toPrescriptionItemType(item: PrescriptionItem): PrescriptionItemType {
  return {
    lineNo: item.lineNo,
    dmdCode: item.dmdCode,
    medicineName: item.medicineName ?? null,
    quantity: item.quantity,
    unit: item.unit,
    dosageText: item.dosageText,
    controlledDrugSchedule: item.controlledDrugSchedule ?? null,
  };
}

export function toTransitionType(t: PrescriptionTransition): PrescriptionTransitionType {
  return {
    action: t.action as PrescriptionAction,
    fromState: (t.fromState ?? null) as PrescriptionState | null,
    toState: t.toState as PrescriptionState,
    actorId: t.actorId,
    reason: t.reason ?? null,
    at: t.at,
  };
}

export function toCostCentreType(c: PrescribingCostCentre): PrescribingCostCentreType {
  return {
    __typename: 'PrescribingCostCentre',
    id: toGlobalId('PrescribingCostCentre', c.id),
    dbId: c.id,
    hubId: c.hub.id,
    odsCode: c.odsCode,
    name: c.name,
    parentCommissionerCode: c.parentCommissionerCode ?? null,
    active: c.active,
  };
}

export function toPrescriberType(p: Prescriber, user: StaffUser): PrescriberType {
  return {
    __typename: 'Prescriber',
    id: toGlobalId('Prescriber', p.id),
    username: user.username,
    displayName: user.displayName,
    codeKind: p.codeKind,
    code: p.code,
    profession: p.profession,
    prescriptionType: PRESCRIPTION_TYPE_OF[p.profession].code,
    active: p.active,
  };
}

export function toSummaryRowType(r: SummaryRow): PrescribingSummaryRowType {
  return { ...r, hubServiceId: r.hubServiceId ? toGlobalId('HubService', r.hubServiceId) : null };
}
