import { Errors } from '../../platform/errors.js';
import { MAX_REPORT_DAYS } from './reporting.codes.js';

/** Situation-named errors of the reports. */
export const ReportingErrors = {
  periodEndsBeforeStart: () => Errors.badInput('period.to', 'period.to must be after period.from'),
  periodTooLong: () => Errors.badInput('period', `A report covers at most ${MAX_REPORT_DAYS} days`),
} as const;
