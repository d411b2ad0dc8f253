import { fieldsOf, nodeFields } from '../../platform/graphql/fields.js';
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
    ...nodeFields('Prescription', p.id),
    ...fieldsOf(p, [
      'state',
      'courseOfTherapy',
      'shortFormId',
      'longFormId',
      'nominatedDispenserOds',
      'issuerOds',
      'prescriberCodeKind',
      'prescriberCode',
      'prescriptionType',
      'raisedBy',
      'raisedAt',
      'issuedBy',
      'issuedAt',
      'statusReason',
    ]),
    hubId: p.hub.id,
    patientId: p.patient.id,
    registeredPracticeId: p.registeredPractice.id,
    hubServiceId: p.hubService?.id ?? null,
    consultationId: p.consultationId ? toGlobalId('HubConsultation', p.consultationId) : null,
  };
}

export function toPrescriptionItemType(item: PrescriptionItem): PrescriptionItemType {
  return fieldsOf(item, [
    'lineNo',
    'dmdCode',
    'medicineName',
    'quantity',
    'unit',
    'dosageText',
    'controlledDrugSchedule',
  ]);
}

export function toTransitionType(t: PrescriptionTransition): PrescriptionTransitionType {
  return {
    ...fieldsOf(t, ['actorId', 'reason', 'at']),
    action: t.action as PrescriptionAction,
    fromState: (t.fromState ?? null) as PrescriptionState | null,
    toState: t.toState as PrescriptionState,
  };
}

export function toCostCentreType(c: PrescribingCostCentre): PrescribingCostCentreType {
  return {
    ...nodeFields('PrescribingCostCentre', c.id),
    ...fieldsOf(c, ['odsCode', 'name', 'parentCommissionerCode', 'active']),
    hubId: c.hub.id,
  };
}

export function toPrescriberType(p: Prescriber, user: StaffUser): PrescriberType {
  return {
    ...fieldsOf(p, ['codeKind', 'code', 'profession', 'active']),
    __typename: 'Prescriber',
    id: toGlobalId('Prescriber', p.id),
    username: user.username,
    displayName: user.displayName,
    prescriptionType: PRESCRIPTION_TYPE_OF[p.profession].code,
  };
}

export function toSummaryRowType(r: SummaryRow): PrescribingSummaryRowType {
  return { ...r, hubServiceId: r.hubServiceId ? toGlobalId('HubService', r.hubServiceId) : null };
}
