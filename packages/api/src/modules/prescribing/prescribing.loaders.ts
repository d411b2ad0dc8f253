import { loaderById } from '../../platform/db/loaders.js';
import { StaffUser } from '../organisations/index.js';
import { Patient } from '../patients/index.js';

/** Patients by database id, one SQL statement per batch. Visibility is the caller's concern. */
export const patientById = loaderById('prescribing.patientById', Patient);

/** Staff users by database id, one SQL statement per batch. */
export const staffUserById = loaderById('prescribing.staffUserById', StaffUser);
