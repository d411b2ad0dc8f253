/**
 * Typed errors of the adapter. Messages name fields, codes and references only, never values that
 * may be patient data (names, NHS numbers, answers).
 */

/** One problem with a form: the field at fault and the rule it breaks. */
export interface FormIssue {
  /** Path in the form, e.g. `patient.nhsNumber`, `answers[2].answer`. */
  readonly field: string;
  readonly message: string;
}

/** The form is not valid; nothing was sent to the hub. `issues` lists every problem found. */
export class OcFormError extends Error {
  /** The first field at fault. */
  readonly field: string;
  readonly issues: readonly FormIssue[];

  constructor(issues: readonly FormIssue[]) {
    super(`Invalid online consultation form: ${issues.map((issue) => `${issue.field} ${issue.message}`).join('; ')}`);
    this.name = 'OcFormError';
    this.field = issues[0]?.field ?? '(form)';
    this.issues = issues;
  }
}

/**
 * The practice has not enabled the plugin (or the plugin's key may not act for it): the hub
 * refused the submission and stored nothing. The practice's admin enables the plugin in pcn-hub.
 */
export class OcPracticeNotEnabledError extends Error {
  readonly practiceOdsCode: string;
  readonly supplierReference: string;

  constructor(practiceOdsCode: string, supplierReference: string, options: { cause: unknown }) {
    super(
      `Practice ${practiceOdsCode} has not enabled this plugin; consultation ${supplierReference} was not submitted`,
      options,
    );
    this.name = 'OcPracticeNotEnabledError';
    this.practiceOdsCode = practiceOdsCode;
    this.supplierReference = supplierReference;
  }
}
