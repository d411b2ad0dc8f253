import { p } from '@mikro-orm/core';
import { Organisation } from '../organisations/index.js';
import { Patient } from '../patients/index.js';
import { HubService } from '../hub-services/index.js';
import { PrescribingCostCentre, Prescriber } from './cost-centre.entity.js';
import { COURSES_OF_THERAPY, PRESCRIBER_CODE_KINDS, PRESCRIPTION_STATES } from './prescribing.codes.js';
import { createdAt, hubEntity, updatedAt } from '../../platform/db/properties.js';

/**
 * A prescription raised at the hub (docs/domain/model.md#prescribing). What the issue decided (cost centre,
 * prescriber code, prescription type, ids) is copied onto the row so the audit never changes
 * when a prescriber or cost centre is edited later.
 */
const PrescriptionSchema = hubEntity(
  'Prescription',
  'prescription',
  {
    /** The hub that raised it: its prescribing stream and its managers' audit. */
    hub: () => p.manyToOne(Organisation).ref(),
    patient: () => p.manyToOne(Patient).ref().index(),
    /** The patient's registered practice when raised: where repeats go and write-back lands. */
    registeredPractice: () => p.manyToOne(Organisation).ref().index(),
    hubService: () => p.manyToOne(HubService).ref().nullable(),
    /** The hub consultation it belongs to (a plain id: the consultations module owns that table). */
    consultationId: p.uuid().nullable().index(),
    courseOfTherapy: p.enum(COURSES_OF_THERAPY),
    state: p.enum(PRESCRIPTION_STATES),
    itemCount: p.smallint(),
    /** ODS code of the pharmacy the patient nominated (optional in EPS). */
    nominatedDispenserOds: p.string().length(6).nullable(),
    raisedBy: p.string().length(100),
    raisedAt: createdAt(),
    /** Set when issued at the hub; null for a repeat issued by the practice. */
    costCentre: () => p.manyToOne(PrescribingCostCentre).ref().nullable(),
    prescriber: () => p.manyToOne(Prescriber).ref().nullable(),
    /** The ODS code in the short-form id: the hub cost centre, or the practice for a repeat. */
    issuerOds: p.string().length(6).nullable(),
    prescriberCodeKind: p.enum(PRESCRIBER_CODE_KINDS).nullable(),
    prescriberCode: p.string().length(12).nullable(),
    /** NHSBSA prescription type, e.g. 0101. */
    prescriptionType: p.string().length(4).nullable(),
    shortFormId: p.string().length(20).nullable().unique(),
    longFormId: p.uuid().nullable().unique(),
    issuedBy: p.string().length(100).nullable(),
    issuedAt: p.datetime().nullable(),
    /** Why it was cancelled or rejected (the latest such reason; the history keeps all). */
    statusReason: p.text().nullable(),
    updatedAt: updatedAt(),
  },
  { indexes: [{ properties: ['hub', 'issuedAt'] }, { properties: ['hub', 'id'] }] },
);

export class Prescription extends PrescriptionSchema.class {}
PrescriptionSchema.setClass(Prescription);

/** One line (a MedicationRequest in EPS) of a prescription. */
const PrescriptionItemSchema = hubEntity(
  'PrescriptionItem',
  'prescription_item',
  {
    prescription: () => p.manyToOne(Prescription).ref(),
    /** 1..4, the order entered. */
    lineNo: p.smallint(),
    dmdCode: p.string().length(18),
    /** Display term as picked from the terminology service (optional; dm+d is the source of truth). */
    medicineName: p.string().length(255).nullable(),
    quantity: p.decimal('number').precision(12).scale(3),
    /** dm+d unit of measure as text, e.g. "tablet". */
    unit: p.string().length(100),
    dosageText: p.string().length(1000),
    /** CD schedule from the reference list when the medicine is controlled (never SCHEDULE_1). */
    controlledDrugSchedule: p.string().length(12).nullable(),
  },
  { uniques: [{ properties: ['prescription', 'lineNo'] }], indexes: [{ properties: ['dmdCode'] }] },
);

export class PrescriptionItem extends PrescriptionItemSchema.class {}
PrescriptionItemSchema.setClass(PrescriptionItem);

/** Append-only state history: who moved it from what to what, why and when. */
const PrescriptionTransitionSchema = hubEntity('PrescriptionTransition', 'prescription_transition', {
  prescription: () => p.manyToOne(Prescription).ref().index(),
  action: p.string().length(30),
  fromState: p.string().length(40).nullable(),
  toState: p.string().length(40),
  actorId: p.string().length(100),
  actorOrganisationId: p.uuid(),
  reason: p.text().nullable(),
  at: createdAt(),
});

export class PrescriptionTransition extends PrescriptionTransitionSchema.class {}
PrescriptionTransitionSchema.setClass(PrescriptionTransition);
