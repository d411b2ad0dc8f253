import { Errors, HubError } from '../../platform/errors.js';

/** Situation-named errors of appointment books; messages carry ids, never patient data. */
export const AppointmentErrors = {
  serviceNotFound: (field: string) => new HubError('NOT_FOUND', 'Hub service not found', { field }),
  bookNotFound: (field: string) => new HubError('NOT_FOUND', 'Appointment book not found', { field }),
  slotTypeNotFound: (field: string) => new HubError('NOT_FOUND', 'Slot type not found', { field }),
  slotNotFound: (field: string) => new HubError('NOT_FOUND', 'Slot not found', { field }),
  noHub: () => Errors.conflict('This PCN has no hub', { reason: 'NO_HUB' }),
  badName: (field: string, max: number) => Errors.badInput(field, `${field} must be 1-${max} characters`),
  badSlotTypeName: (field: string, pcnOdsCode: string) =>
    new HubError(
      'BAD_USER_INPUT',
      `Slot type names follow <PCN>-<Service>-<Mode>, e.g. ${pcnOdsCode}-MinorIllness-F2F (mode F2F, TEL or VID)`,
      { field, rule: 'SLOT_TYPE_NAME_CONVENTION' },
    ),
  wrongPcnInName: (field: string, pcnOdsCode: string) =>
    new HubError('BAD_USER_INPUT', `A slot type name starts with the PCN's ODS code ${pcnOdsCode}`, {
      field,
      rule: 'SLOT_TYPE_NAME_CONVENTION',
    }),
  nameTaken: (field: string) =>
    Errors.conflict('That name is already used at this hub', { field, reason: 'NAME_TAKEN' }),
  slotTypeOfOtherService: () =>
    Errors.badInput('input.slotTypeId', "The slot type belongs to another service than the book's"),
  inactiveBook: () =>
    Errors.conflict('The appointment book is closed', { field: 'input.bookId', reason: 'BOOK_INACTIVE' }),
  sessionHolderNeeded: () =>
    new HubError('BAD_USER_INPUT', 'A GP Connect-bookable book needs a session holder', {
      field: 'input.sessionHolder',
      rule: 'GP_CONNECT_SESSION_HOLDER',
    }),
  sessionHolderNotEligible: () =>
    new HubError(
      'BAD_USER_INPUT',
      'The session holder must be an active hub clinician holding a role the service requires',
      {
        field: 'input.sessionHolder',
        rule: 'GP_CONNECT_SESSION_HOLDER',
      },
    ),
  badSession: (field: string, message: string) => Errors.badInput(field, message),
  sessionOverlaps: () =>
    Errors.conflict('The session overlaps slots already in the book', {
      field: 'input.start',
      reason: 'SESSION_OVERLAPS',
    }),
  badRange: () => Errors.badInput('to', 'to must be after from'),
  slotNotFree: (id: string, status: string) =>
    Errors.conflict(`Slot ${id} is ${status}, not FREE`, { id, field: 'input.slotId', reason: 'SLOT_NOT_FREE' }),
  slotNotBlocked: (id: string) =>
    Errors.conflict(`Slot ${id} is not BLOCKED`, { id, field: 'input.slotId', reason: 'SLOT_NOT_BLOCKED' }),
  badReason: () => Errors.badInput('input.reason', 'reason must be 1-500 characters'),
} as const;
