/**
 * The minor-illness clinical pathways the plugin records (NHS Pharmacy First), each with the SNOMED
 * CT concept that GP Connect Update Record uses for it, so that the practice record shows the same
 * code a pharmacy's own Update Record message would.
 */

/** A clinical pathway of the service. */
export const PHARMACY_CONDITIONS = [
  'ACUTE_SORE_THROAT',
  'ACUTE_SINUSITIS',
  'IMPETIGO',
  'UNCOMPLICATED_UTI',
  'SHINGLES',
  'INFECTED_INSECT_BITE',
  'ACUTE_OTITIS_MEDIA',
] as const;

/** One of {@link PHARMACY_CONDITIONS}. */
export type PharmacyCondition = (typeof PHARMACY_CONDITIONS)[number];

/** How a condition is coded in the practice record. */
export interface ConditionCoding {
  /** SNOMED CT concept id (Verhoeff-checked; a unit test proves every one). */
  readonly snomedCode: string;
  /** The term written with the code. */
  readonly term: string;
  /** The pathway's name, for the consultation note. */
  readonly pathway: string;
}

/** The coding of every pathway. */
export const CONDITION_CODES: Readonly<Record<PharmacyCondition, ConditionCoding>> = Object.freeze({
  ACUTE_SORE_THROAT: { snomedCode: '363746003', term: 'Acute pharyngitis', pathway: 'Acute sore throat' },
  ACUTE_SINUSITIS: { snomedCode: '15805002', term: 'Acute sinusitis', pathway: 'Acute sinusitis' },
  IMPETIGO: { snomedCode: '48277006', term: 'Impetigo', pathway: 'Impetigo' },
  UNCOMPLICATED_UTI: {
    snomedCode: '1090711000000102',
    term: 'Uncomplicated urinary tract infection',
    pathway: 'Uncomplicated urinary tract infection',
  },
  SHINGLES: { snomedCode: '4740000', term: 'Herpes zoster', pathway: 'Shingles' },
  INFECTED_INSECT_BITE: { snomedCode: '262550002', term: 'Infected insect bite', pathway: 'Infected insect bite' },
  ACUTE_OTITIS_MEDIA: { snomedCode: '3110003', term: 'Acute otitis media', pathway: 'Acute otitis media' },
});

/** True when `value` is one of {@link PHARMACY_CONDITIONS}. */
export function isPharmacyCondition(value: unknown): value is PharmacyCondition {
  return typeof value === 'string' && (PHARMACY_CONDITIONS as readonly string[]).includes(value);
}

/** What the pharmacist did; a supply is recorded exactly when the outcome is `MEDICINE_SUPPLIED`. */
export const PHARMACY_OUTCOMES = [
  'SELF_CARE_ADVICE',
  'MEDICINE_SUPPLIED',
  'REFERRED_TO_GP',
  'REFERRED_TO_URGENT_CARE',
] as const;

/** One of {@link PHARMACY_OUTCOMES}. */
export type PharmacyOutcome = (typeof PHARMACY_OUTCOMES)[number];

/** True when `value` is one of {@link PHARMACY_OUTCOMES}. */
export function isPharmacyOutcome(value: unknown): value is PharmacyOutcome {
  return typeof value === 'string' && (PHARMACY_OUTCOMES as readonly string[]).includes(value);
}

/** The outcome as the practice reads it in the note. */
export function describeOutcome(outcome: PharmacyOutcome): string {
  switch (outcome) {
    case 'SELF_CARE_ADVICE':
      return 'self-care advice given, no supply';
    case 'MEDICINE_SUPPLIED':
      return 'medicine supplied under the service protocol';
    case 'REFERRED_TO_GP':
      return 'referred to the GP practice';
    case 'REFERRED_TO_URGENT_CARE':
      return 'referred to urgent care';
  }
}
