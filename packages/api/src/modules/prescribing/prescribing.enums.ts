import {
  COURSES_OF_THERAPY,
  PRESCRIBER_CODE_KINDS,
  PRESCRIPTION_ACTIONS,
  PRESCRIPTION_STATES,
  PROFESSIONS,
  SUMMARY_DIMENSIONS,
} from './prescribing.codes.js';
import { graphqlEnum } from '../../platform/graphql/enums.js';

export const CourseOfTherapyEnum = graphqlEnum(COURSES_OF_THERAPY, {
  name: 'CourseOfTherapy',
  description: 'EPS course of therapy. The hub issues ACUTE prescriptions; a REPEAT goes to the registered practice.',
  values: {
    ACUTE: 'Non-repeat (EPS "acute"): raised and issued at the hub.',
    REPEAT: 'Repeat (EPS "continuous"): raised at the hub, issued or rejected by the registered practice.',
  },
});

export const PrescriptionStateEnum = graphqlEnum(PRESCRIPTION_STATES, {
  name: 'PrescriptionState',
  description: 'Where a prescription is in its lifecycle.',
  values: {
    RAISED: 'Raised at the hub; an acute one awaits issue by a hub prescriber.',
    PENDING_PRACTICE_RECONCILIATION: 'A repeat sent to the registered practice to issue or reject.',
    ISSUED: 'Issued with an EPS prescription id.',
    REJECTED: 'The registered practice refused the repeat (with a reason).',
    CANCELLED: 'Cancelled with a reason before dispensing.',
    DISPENSED: 'Dispensed, as reported by the tracker. Terminal.',
  },
});

export const PrescriptionActionEnum = graphqlEnum(PRESCRIPTION_ACTIONS, {
  name: 'PrescriptionAction',
  description: 'What a history entry did.',
  values: {
    RAISE: 'Raised as a draft.',
    ISSUE: 'Issued under the PCN cost centre.',
    ISSUE_AT_PRACTICE: 'A repeat issued by the registered practice.',
    SEND_TO_PRACTICE: 'A repeat sent to the registered practice to manage.',
    REJECT: 'Rejected before issue, with a reason.',
    CANCEL: 'Cancelled after issue, with a reason.',
    RECORD_DISPENSED: 'Recorded as dispensed.',
  },
});

export const PrescriberCodeKindEnum = graphqlEnum(PRESCRIBER_CODE_KINDS, {
  name: 'PrescriberCodeKind',
  description: 'How NHSBSA identifies the prescriber.',
  values: {
    DIN: 'Doctor index number: 6 digits.',
    SPURIOUS: 'NHSBSA spurious code: 6 followed by 5 digits.',
    PROFESSIONAL: "Professional registration number, checked against the profession's register (GMC, NMC, GPhC, HCPC).",
  },
});

export const ProfessionEnum = graphqlEnum(PROFESSIONS, {
  name: 'PrescriberProfession',
  description:
    'The prescriber profession; decides the NHSBSA prescription type (0101 medical, 0104 nurse, 0108 pharmacist, 0125 paramedic, 0117 physiotherapist).',
  values: {
    MEDICAL: 'A doctor (prescription type 0101).',
    NURSE: 'A nurse independent prescriber (0104).',
    PHARMACIST: 'A pharmacist independent prescriber (0108).',
    PARAMEDIC: 'A paramedic independent prescriber (0125).',
    PHYSIOTHERAPIST: 'A physiotherapist independent prescriber (0117).',
  },
});

export const SummaryDimensionEnum = graphqlEnum(SUMMARY_DIMENSIONS, {
  name: 'PrescribingSummaryDimension',
  description: 'A dimension the PCN-level prescribing summary groups by.',
  values: {
    COST_CENTRE: 'The prescribing cost centre the prescription was issued under.',
    PRESCRIBER: 'The prescriber code it was issued under.',
    REGISTERED_PRACTICE: "The patient's registered practice.",
    HUB_SERVICE: 'The hub service it was raised in (null when none).',
    MEDICINE: 'The dm+d code of each item.',
    MONTH: 'Calendar month of issue (UTC).',
  },
});
