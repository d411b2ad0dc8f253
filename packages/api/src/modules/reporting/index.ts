export { ReportingResolver } from './reporting.resolver.js';
export { ocReportSql } from './reporting.sql.js';
