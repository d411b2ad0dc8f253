export { Patient, SEXES, type Sex } from './patient.entity.js';
export { PatientType } from './patients.types.js';
export { PatientResolver } from './patients.resolver.js';
export { toPatientType } from './patients.mappers.js';
export { patientScope, patientScopeSql, canSeePatientAt, PATIENT_READERS } from './patients.policy.js';
export { findPatientInCare, mayReadDemographics } from './patients.care.js';
export { PatientActivityResolver, PatientTimelineResolver } from './patients.timeline.resolver.js';
