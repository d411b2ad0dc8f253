import { registerEnumType } from 'type-graphql';
import {
  COURSES_OF_THERAPY,
  PRESCRIBER_CODE_KINDS,
  PRESCRIPTION_ACTIONS,
  PRESCRIPTION_STATES,
  PROFESSIONS,
  SUMMARY_DIMENSIONS,
} from './prescribing.codes.js';
import { enumOf } from '../../platform/graphql/enums.js';

export const CourseOfTherapyEnum = enumOf(COURSES_OF_THERAPY);
registerEnumType(CourseOfTherapyEnum, {
  name: 'CourseOfTherapy',
  description: 'EPS course of therapy. The hub issues ACUTE prescriptions; a REPEAT goes to the registered practice.',
  valuesConfig: {
    ACUTE: { description: 'Non-repeat (EPS "acute"): raised and issued at the hub.' },
    REPEAT: {
      description: 'Repeat (EPS "continuous"): raised at the hub, issued or rejected by the registered practice.',
    },
  },
});

export const PrescriptionStateEnum = enumOf(PRESCRIPTION_STATES);
registerEnumType(PrescriptionStateEnum, {
  name: 'PrescriptionState',
  description: 'Where a prescription is in its lifecycle.',
  valuesConfig: {
    RAISED: { description: 'Raised at the hub; an acute one awaits issue by a hub prescriber.' },
    PENDING_PRACTICE_RECONCILIATION: { description: 'A repeat sent to the registered practice to issue or reject.' },
    ISSUED: { description: 'Issued with an EPS prescription id.' },
    REJECTED: { description: 'The registered practice refused the repeat (with a reason).' },
    CANCELLED: { description: 'Cancelled with a reason before dispensing.' },
    DISPENSED: { description: 'Dispensed, as reported by the tracker. Terminal.' },
  },
});

export const PrescriptionActionEnum = enumOf(PRESCRIPTION_ACTIONS);
registerEnumType(PrescriptionActionEnum, {
  name: 'PrescriptionAction',
  description: 'What a history entry did.',
  valuesConfig: {
    RAISE: { description: 'Raised as a draft.' },
    ISSUE: { description: 'Issued under the PCN cost centre.' },
    ISSUE_AT_PRACTICE: { description: 'A repeat issued by the registered practice.' },
    SEND_TO_PRACTICE: { description: 'A repeat sent to the registered practice to manage.' },
    REJECT: { description: 'Rejected before issue, with a reason.' },
    CANCEL: { description: 'Cancelled after issue, with a reason.' },
    RECORD_DISPENSED: { description: 'Recorded as dispensed.' },
  },
});

export const PrescriberCodeKindEnum = enumOf(PRESCRIBER_CODE_KINDS);
registerEnumType(PrescriberCodeKindEnum, {
  name: 'PrescriberCodeKind',
  description: 'How NHSBSA identifies the prescriber.',
  valuesConfig: {
    DIN: { description: 'Doctor index number: 6 digits.' },
    SPURIOUS: { description: 'NHSBSA spurious code: 6 followed by 5 digits.' },
    PROFESSIONAL: {
      description:
        "Professional registration number, checked against the profession's register (GMC, NMC, GPhC, HCPC).",
    },
  },
});

export const ProfessionEnum = enumOf(PROFESSIONS);
registerEnumType(ProfessionEnum, {
  name: 'PrescriberProfession',
  description:
    'The prescriber profession; decides the NHSBSA prescription type (0101 medical, 0104 nurse, 0108 pharmacist, 0125 paramedic, 0117 physiotherapist).',
  valuesConfig: {
    MEDICAL: { description: 'A doctor (prescription type 0101).' },
    NURSE: { description: 'A nurse independent prescriber (0104).' },
    PHARMACIST: { description: 'A pharmacist independent prescriber (0108).' },
    PARAMEDIC: { description: 'A paramedic independent prescriber (0125).' },
    PHYSIOTHERAPIST: { description: 'A physiotherapist independent prescriber (0117).' },
  },
});

export const SummaryDimensionEnum = enumOf(SUMMARY_DIMENSIONS);
registerEnumType(SummaryDimensionEnum, {
  name: 'PrescribingSummaryDimension',
  description: 'A dimension the PCN-level prescribing summary groups by.',
  valuesConfig: {
    COST_CENTRE: { description: 'The prescribing cost centre the prescription was issued under.' },
    PRESCRIBER: { description: 'The prescriber code it was issued under.' },
    REGISTERED_PRACTICE: { description: "The patient's registered practice." },
    HUB_SERVICE: { description: 'The hub service it was raised in (null when none).' },
    MEDICINE: { description: 'The dm+d code of each item.' },
    MONTH: { description: 'Calendar month of issue (UTC).' },
  },
});
