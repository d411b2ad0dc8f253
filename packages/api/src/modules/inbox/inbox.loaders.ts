import { loaderById, loaderByParent } from '../../platform/db/loaders.js';
import { Patient, patientScope } from '../patients/index.js';
import { ConsultationTransition } from './online-consultation.entity.js';

/** Matched patients by id, limited to those the viewer may see; one statement per batch. */
export const visiblePatientById = loaderById('inbox.visiblePatientById', Patient, (c) =>
  c.actor ? patientScope(c.actor) : null,
);

/** The history of consultations, oldest first; one statement per batch. */
export const historyByConsultation = loaderByParent(
  'inbox.historyByConsultation',
  ConsultationTransition,
  'consultation',
  [{ at: 'asc' }, { id: 'asc' }],
);
