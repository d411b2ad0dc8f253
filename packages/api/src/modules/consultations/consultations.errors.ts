import { Errors, HubError } from '../../platform/errors.js';

/** Situation-named errors of hub consultations; ids only, never patient data. */
export const ConsultationErrors = {
  notFound: (id: string, field = 'id') => new HubError('NOT_FOUND', `Hub consultation ${id} not found`, { id, field }),
  entryNotFound: (id: string, field = 'input.entryId') =>
    new HubError('NOT_FOUND', `Consultation entry ${id} not found`, { id, field }),
  patientNotFound: () => new HubError('NOT_FOUND', 'Patient not found', { field: 'input.nhsNumber' }),
  inboxItemNotFound: () =>
    new HubError('NOT_FOUND', 'Online consultation not found', { field: 'input.inboxConsultationId' }),
  savedByAnotherAuthor: (id: string) =>
    new HubError(
      'CONFLICT',
      `Hub consultation ${id} has a saved version by another author; only its author may amend it`,
      {
        id,
        field: 'input',
      },
    ),
  staleRevision: (id: string, expected: number, actual: number) =>
    new HubError('CONFLICT', `Hub consultation ${id} is at revision ${actual}, not ${expected}; reload and try again`, {
      id,
      field: 'input.expectedRevision',
      revision: actual,
    }),
  entryRemoved: (id: string) =>
    new HubError('CONFLICT', `Consultation entry ${id} has been removed`, { id, field: 'input.entryId' }),
  kindChanged: (from: string, to: string) =>
    Errors.badInput('input.content', `An amendment keeps the entry kind: ${from}, not ${to}`),
  nothingToSave: (id: string) => Errors.invalidTransition('HubConsultation', id, 'SAVED', 'SAVED'),
  notAuthoringOrganisation: () => Errors.forbidden('Consultations are recorded by staff of a hub or a practice'),
  integrationIsNotNative: () =>
    Errors.badInput('input.sourceProduct', 'An integration records consultations under its plugin id, not NATIVE'),
  notOwnSourceProduct: () =>
    Errors.badInput('input.sourceProduct', 'A plugin records consultations under its own name only'),
  needsScope: (scope: string, field: string) => new HubError('FORBIDDEN', `This needs the ${scope} scope`, { field }),
  badSourceProduct: () =>
    Errors.badInput(
      'input.sourceProduct',
      'sourceProduct is NATIVE or a plugin id (2-64 of a-z, 0-9, dot, hyphen, underscore)',
    ),
  futureStart: () => Errors.badInput('input.startedAt', 'startedAt cannot be in the future'),
  badLocation: () => Errors.badInput('input.location', 'location must be at most 200 characters'),
  tooManyEntries: () => Errors.badInput('input.entries', 'At most 100 entries per request'),
} as const;
