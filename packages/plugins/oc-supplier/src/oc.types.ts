/** One answer of the patient's form. */
export interface SupplierAnswer {
  /** The supplier's question id, 1-100 characters, unique within the form. */
  readonly questionId: string;
  /** The question as shown to the patient, 1-1000 characters. */
  readonly question: string;
  /** The patient's answer, 1-10,000 characters. */
  readonly answer: string;
}

/** An answer the supplier's triage rules flagged red. */
export interface SupplierRedFlag {
  /** The flagged answer's question id (one of the form's answers). */
  readonly questionId: string;
  /** What the flag means, 1-1000 characters. */
  readonly description: string;
}

/** A patient's triage form as the supplier's platform holds it: the adapter's input. */
export interface SupplierForm {
  /**
   * The supplier's reference of the consultation: 1-100 printable characters without spaces. The
   * hub de-duplicates on it: the e-mail copy and any resend carry the same reference.
   */
  readonly supplierReference: string;
  /** ODS code of the practice the patient submitted to; the practice must have enabled the plugin. */
  readonly practiceOdsCode: string;
  /** Demographics as the patient entered them. */
  readonly patient: {
    readonly nhsNumber: string;
    /** 1-100 characters. */
    readonly givenName: string;
    /** 1-100 characters. */
    readonly familyName: string;
    /** YYYY-MM-DD, not in the future. */
    readonly dateOfBirth: string;
  };
  /** Clinical or administrative request. */
  readonly type: 'CLINICAL' | 'ADMIN';
  /** The form template's name, 1-200 characters. */
  readonly template: string;
  /** When the patient submitted it: RFC 3339 with a zone, not in the future. */
  readonly submittedAt: string;
  /** At least one, at most 300. */
  readonly answers: readonly SupplierAnswer[];
  readonly redFlags?: readonly SupplierRedFlag[] | null;
  /** Ideas, concerns and expectations, each up to 5000 characters. */
  readonly ice?: {
    readonly ideas?: string | null;
    readonly concerns?: string | null;
    readonly expectations?: string | null;
  } | null;
  /** When the patient was told to expect a response: RFC 3339, in the future. */
  readonly responseExpectedBy?: string | null;
}
