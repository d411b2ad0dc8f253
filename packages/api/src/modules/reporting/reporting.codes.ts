/** Coded values of the reports. Each list is the source of a GraphQL enum. */

/** Dimensions the online consultation report groups by (one SQL GROUP BY over any combination). */
export const OC_REPORT_DIMENSIONS = ['PRACTICE', 'MONTH', 'TYPE'] as const;
export type OcReportDimension = (typeof OC_REPORT_DIMENSIONS)[number];

/** The longest period a report covers: two years (one of them a leap year). */
export const MAX_REPORT_DAYS = 731;

/**
 * The triage decisions: the first of them ends "time to first triage". Claiming only opens
 * triage; releasing undoes it.
 */
export const TRIAGE_DECISIONS = ['SIGNPOST', 'PASS_BACK'] as const;

/**
 * States in which the patient has had an answer: advice or self-care sent, signposted outside
 * the PCN, or completed. The first transition into one of them is the response measured against
 * the response-expected-by time.
 */
export const ANSWERED_STATES = ['SIGNPOSTED_EXTERNAL', 'CLOSED_REMOTELY', 'COMPLETED'] as const;

/** Reports are bucketed by month in the NHS's local time. */
export const REPORT_TIME_ZONE = 'Europe/London';
