import type { HubModule } from '../../platform/hub-module.js';
import { ReportingResolver } from './reporting.resolver.js';

export { ocReportSql } from './reporting.sql.js';

/** The reporting module as the composition root registers it (docs/architecture.md#adding-a-module). */
export const reportingModule: HubModule = {
  name: 'reporting',
  entities: [],
  resolvers: [ReportingResolver],
};
