/**
 * Typed errors of the plugin. Messages name fields and ids only, never values: a value may be
 * patient data (an NHS number, the advice given).
 */

/** One problem with a pharmacy consultation record: the field at fault and the rule it breaks. */
export interface RecordIssue {
  /** Path in the record, e.g. `nhsNumber`, `supply.dmdCode`. */
  readonly field: string;
  readonly message: string;
}

/** The record is not valid; nothing was sent to the hub. `issues` lists every problem found. */
export class PharmacyRecordError extends Error {
  /** The first field at fault. */
  readonly field: string;
  readonly issues: readonly RecordIssue[];

  constructor(issues: readonly RecordIssue[]) {
    super(
      `Invalid pharmacy consultation record: ${issues.map((issue) => `${issue.field} ${issue.message}`).join('; ')}`,
    );
    this.name = 'PharmacyRecordError';
    this.field = issues[0]?.field ?? '(record)';
    this.issues = issues;
  }
}

/**
 * The pharmacy consultation was sent before with different content: the hub keeps the first and
 * refuses the change (record amendments as a new consultation id, or amend through the API).
 */
export class PharmacyConsultationConflictError extends Error {
  readonly pharmacyConsultationId: string;

  constructor(pharmacyConsultationId: string, options: { cause: unknown }) {
    super(`Pharmacy consultation ${pharmacyConsultationId} was sent before with different content`, options);
    this.name = 'PharmacyConsultationConflictError';
    this.pharmacyConsultationId = pharmacyConsultationId;
  }
}
