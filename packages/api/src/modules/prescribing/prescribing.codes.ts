/**
 * Coded values of hub prescribing (docs/domain/workflows.md#prescribing-under-the-pcn-cost-centre,
 * docs/domain/model.md#prescribing). The GraphQL enums mirror these.
 */

/** EPS course of therapy as the hub sees it: acute is issued at the hub, repeat by the practice. */
export const COURSES_OF_THERAPY = ['ACUTE', 'REPEAT'] as const;
export type CourseOfTherapy = (typeof COURSES_OF_THERAPY)[number];

/**
 * Lifecycle of a prescription in the hub. Signing and submission to EPS happen outside (CIS2
 * smartcard session); ISSUED is "id assigned and handed to the prescribing channel".
 */
export const PRESCRIPTION_STATES = [
  'RAISED',
  'PENDING_PRACTICE_RECONCILIATION',
  'ISSUED',
  'REJECTED',
  'CANCELLED',
  'DISPENSED',
] as const;
export type PrescriptionState = (typeof PRESCRIPTION_STATES)[number];

/** What happened, for the history table and the event type. */
export const PRESCRIPTION_ACTIONS = [
  'RAISE',
  'SEND_TO_PRACTICE',
  'ISSUE',
  'ISSUE_AT_PRACTICE',
  'REJECT',
  'CANCEL',
  'RECORD_DISPENSED',
] as const;
export type PrescriptionAction = (typeof PRESCRIPTION_ACTIONS)[number];

/**
 * The transition table: every legal (from, action) pair and where it leads. Anything else is
 * INVALID_TRANSITION. `null` is "not yet stored" (raise).
 */
export const TRANSITIONS: readonly {
  from: PrescriptionState | null;
  action: PrescriptionAction;
  to: PrescriptionState;
}[] = [
  { from: null, action: 'RAISE', to: 'RAISED' },
  { from: 'RAISED', action: 'SEND_TO_PRACTICE', to: 'PENDING_PRACTICE_RECONCILIATION' },
  { from: 'RAISED', action: 'ISSUE', to: 'ISSUED' },
  { from: 'RAISED', action: 'CANCEL', to: 'CANCELLED' },
  { from: 'PENDING_PRACTICE_RECONCILIATION', action: 'ISSUE_AT_PRACTICE', to: 'ISSUED' },
  { from: 'PENDING_PRACTICE_RECONCILIATION', action: 'REJECT', to: 'REJECTED' },
  { from: 'PENDING_PRACTICE_RECONCILIATION', action: 'CANCEL', to: 'CANCELLED' },
  { from: 'ISSUED', action: 'CANCEL', to: 'CANCELLED' },
  { from: 'ISSUED', action: 'RECORD_DISPENSED', to: 'DISPENSED' },
];

/** Target state of `action` (used to name both states in an INVALID_TRANSITION error). */
export const TARGET_OF: Readonly<Record<PrescriptionAction, PrescriptionState>> = {
  RAISE: 'RAISED',
  SEND_TO_PRACTICE: 'PENDING_PRACTICE_RECONCILIATION',
  ISSUE: 'ISSUED',
  ISSUE_AT_PRACTICE: 'ISSUED',
  REJECT: 'REJECTED',
  CANCEL: 'CANCELLED',
  RECORD_DISPENSED: 'DISPENSED',
};

/** The state `action` leads to from `from`, or null when the table has no such row. */
export function nextState(from: PrescriptionState | null, action: PrescriptionAction): PrescriptionState | null {
  return TRANSITIONS.find((t) => t.from === from && t.action === action)?.to ?? null;
}

/** Event types on the prescribing streams, one per action. */
export const EVENT_TYPE_OF: Readonly<Record<PrescriptionAction, string>> = {
  RAISE: 'PRESCRIPTION_RAISED',
  SEND_TO_PRACTICE: 'PRESCRIPTION_SENT_TO_PRACTICE',
  ISSUE: 'PRESCRIPTION_ISSUED',
  ISSUE_AT_PRACTICE: 'PRESCRIPTION_ISSUED_AT_PRACTICE',
  REJECT: 'PRESCRIPTION_REJECTED',
  CANCEL: 'PRESCRIPTION_CANCELLED',
  RECORD_DISPENSED: 'PRESCRIPTION_DISPENSED',
};

/** How a prescriber is identified to NHSBSA for reimbursement (docs/domain/identifiers.md#prescriber-codes). */
export const PRESCRIBER_CODE_KINDS = ['DIN', 'SPURIOUS', 'PROFESSIONAL'] as const;
export type PrescriberCodeKind = (typeof PRESCRIBER_CODE_KINDS)[number];

/** The prescriber's profession: decides the NHSBSA prescription type and the registration body. */
export const PROFESSIONS = ['MEDICAL', 'NURSE', 'PHARMACIST', 'PARAMEDIC', 'PHYSIOTHERAPIST'] as const;
export type Profession = (typeof PROFESSIONS)[number];

/** NHSBSA prescription type ("Primary Care Prescriber - ...") per profession. */
export const PRESCRIPTION_TYPE_OF: Readonly<Record<Profession, { code: string; display: string }>> = {
  MEDICAL: { code: '0101', display: 'Primary Care Prescriber - Medical Prescriber' },
  NURSE: { code: '0104', display: 'Primary Care Prescriber - Nurse Independent/Supplementary prescriber' },
  PHARMACIST: { code: '0108', display: 'Primary Care Prescriber - Pharmacist Independent/Supplementary prescriber' },
  PARAMEDIC: { code: '0125', display: 'Primary Care Prescriber - Paramedic Independent/Supplementary prescriber' },
  PHYSIOTHERAPIST: {
    code: '0117',
    display: 'Primary Care Prescriber - Physiotherapist Independent/Supplementary prescriber',
  },
};

/** Registration body per profession, with the shape of its registration number. */
export const REGISTRATION_OF: Readonly<
  Record<Profession, { body: 'GMC' | 'NMC' | 'GPHC' | 'HCPC'; pattern: RegExp; example: string }>
> = {
  // GMC reference numbers are 7 digits (EPS carries them as "C" + 7 digits).
  MEDICAL: { body: 'GMC', pattern: /^[0-9]{7}$/, example: '1234567' },
  // NMC PIN: two digits, a letter, four digits, a letter (e.g. 12A3456B).
  NURSE: { body: 'NMC', pattern: /^[0-9]{2}[A-Z][0-9]{4}[A-Z]$/, example: '12A3456B' },
  // GPhC registration numbers are 7 digits.
  PHARMACIST: { body: 'GPHC', pattern: /^[0-9]{7}$/, example: '2012345' },
  // HCPC: a two-letter profession prefix and 5-6 digits (e.g. PA12345, PH123456).
  PARAMEDIC: { body: 'HCPC', pattern: /^PA[0-9]{5,6}$/, example: 'PA12345' },
  PHYSIOTHERAPIST: { body: 'HCPC', pattern: /^PH[0-9]{5,6}$/, example: 'PH123456' },
};

/**
 * Null when `code` fits `kind` (and, for a professional registration number, the profession's
 * register); otherwise why not. DIN: 6 digits; spurious: 6NNNNN (docs/domain/identifiers.md#prescriber-codes).
 */
export function prescriberCodeProblem(kind: PrescriberCodeKind, code: string, profession: Profession): string | null {
  switch (kind) {
    case 'DIN':
      return /^[0-9]{6}$/.test(code) ? null : 'A DIN is 6 digits';
    case 'SPURIOUS':
      return /^6[0-9]{5}$/.test(code) ? null : 'A spurious code is 6 followed by 5 digits';
    case 'PROFESSIONAL': {
      const reg = REGISTRATION_OF[profession];
      return reg.pattern.test(code) ? null : `A ${reg.body} registration number looks like ${reg.example}`;
    }
    default: {
      const never: never = kind;
      return never;
    }
  }
}

/** Dimensions the PCN-level summary can group by (one SQL GROUP BY over any combination). */
export const SUMMARY_DIMENSIONS = [
  'COST_CENTRE',
  'PRESCRIBER',
  'REGISTERED_PRACTICE',
  'HUB_SERVICE',
  'MEDICINE',
  'MONTH',
] as const;
export type SummaryDimension = (typeof SUMMARY_DIMENSIONS)[number];

/** States counted by the summary: issued and not cancelled (rejected and raised ones never cost). */
export const COUNTED_STATES: readonly PrescriptionState[] = ['ISSUED', 'DISPENSED'];

/** A prescription has 1 to 4 items (EPS limit). */
export const MAX_ITEMS = 4;

/** The short-form sequence block is 5 hex digits: 0x00000..0xFFFFF, then it wraps. */
export const SEQUENCE_MODULUS = 0x100000;
