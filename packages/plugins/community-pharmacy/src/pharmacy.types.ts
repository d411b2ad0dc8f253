import type { PharmacyCondition, PharmacyOutcome } from './pharmacy.conditions.js';

/** A medicine supplied to the patient (under a Patient Group Direction or protocol). */
export interface PharmacySupply {
  /** dm+d code of the product (VMP or AMP), e.g. from the pharmacy's dispensing system. */
  readonly dmdCode: string;
  /** The product's name as supplied, 1-255 characters. */
  readonly name: string;
  /** Dose instructions, 1-500 characters. */
  readonly dose: string;
  /** Quantity supplied, e.g. "21 capsule", 1-100 characters. */
  readonly quantity: string;
}

/** One consultation as the pharmacy's system holds it: the plugin's input. */
export interface PharmacyConsultationRecord {
  /**
   * The pharmacy system's own id of the consultation, 1-100 of A-Z, a-z, 0-9, `.`, `_`, `:`, `-`.
   * It keys idempotency: sending the same id again never records twice.
   */
  readonly consultationId: string;
  /** The patient's NHS number (spaces allowed); the patient must be registered at a practice of the PCN. */
  readonly nhsNumber: string;
  /** Where the consultation took place. */
  readonly pharmacy: {
    /** ODS code of the pharmacy, e.g. FA123. */
    readonly odsCode: string;
    /** Its name, 1-150 characters; the practice record shows "Enterprise Consultation (<name> (<ODS>))". */
    readonly name: string;
  };
  /** Who consulted. */
  readonly pharmacist: {
    /** 1-100 characters. */
    readonly name: string;
    /** General Pharmaceutical Council registration number: 7 digits. */
    readonly gphcNumber?: string | null;
  };
  /** When it started: RFC 3339 with a zone offset, not in the future. */
  readonly consultedAt: string;
  readonly condition: PharmacyCondition;
  readonly outcome: PharmacyOutcome;
  /** The advice given, 1-8000 characters; written back as a clinical note. */
  readonly advice: string;
  /** The medicine supplied: required when `outcome` is `MEDICINE_SUPPLIED`, refused otherwise. */
  readonly supply?: PharmacySupply | null;
}
