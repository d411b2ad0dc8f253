import { share, type OcReportRow } from './oc-report.service.js';
import type { OcReportRowType } from './reporting.types.js';

export function toOcReportRowType(r: OcReportRow): OcReportRowType {
  return {
    ...r,
    outcomes: { ...r.outcomes },
    signposting: { ...r.signposting },
    hubShare: share(r.handledAtHub, r.consultations),
    answeredInTimeShare: share(r.answeredInTime, r.responseDue),
  };
}
