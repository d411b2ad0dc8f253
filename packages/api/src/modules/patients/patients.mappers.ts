import { toGlobalId } from '../../platform/graphql/relay.js';
import type { Patient } from './patient.entity.js';
import type { PatientType } from './patients.types.js';

export function toPatientType(patient: Patient): PatientType {
  return {
    __typename: 'Patient',
    id: toGlobalId('Patient', patient.id),
    dbId: patient.id,
    registeredPracticeId: patient.registeredPractice.id,
    nhsNumber: patient.nhsNumber,
    givenName: patient.givenName,
    familyName: patient.familyName,
    dateOfBirth: patient.dateOfBirth,
    sex: patient.sex,
  };
}
