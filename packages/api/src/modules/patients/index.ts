import type { HubModule } from '../../platform/hub-module.js';
import { Patient } from './patient.entity.js';
import { PatientResolver } from './patients.resolver.js';
import { PatientActivityResolver, PatientTimelineResolver } from './timeline.resolver.js';
import { patientNode } from './patients.node.js';

export { Patient, SEXES, type Sex } from './patient.entity.js';
export { PatientNameFields, PatientNameInputFields, PatientType } from './patients.types.js';
export { toPatientType } from './patients.mappers.js';
export { patientJson, patientFromJson } from './patients.query.js';
export { patientScope, patientScopeSql, canSeePatientAt, PATIENT_READERS } from './patients.policy.js';
export { findPatientIdInCare, findPatientInCare, mayReadDemographics, patientInCareSql } from './care.service.js';
export { auditPatientReads, auditPatientReadFailed } from './audit.service.js';

/** The patients module as the composition root registers it (docs/architecture.md#adding-a-module). */
export const patientsModule: HubModule = {
  name: 'patients',
  entities: [Patient],
  resolvers: [PatientResolver, PatientTimelineResolver, PatientActivityResolver],
  nodeFetchers: { Patient: patientNode },
};
