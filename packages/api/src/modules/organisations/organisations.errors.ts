import { Errors, HubError } from '../../platform/errors.js';

export const OrganisationErrors = {
  notFound: (odsCode: string) => new HubError('NOT_FOUND', `Organisation ${odsCode} not found`, { field: 'odsCode' }),
  odsCodeTaken: (odsCode: string) =>
    new HubError('CONFLICT', `Organisation ${odsCode} already exists`, { field: 'input.odsCode' }),
  usernameTaken: () => new HubError('CONFLICT', 'That username is taken', { field: 'input.username' }),
  notAPractice: (field: string) => Errors.badInput(field, 'A practice ODS code is one letter and five digits'),
  roleDoesNotFit: (role: string, kind: string) =>
    Errors.badInput('input.roles', `Role ${role} cannot be held at a ${kind}`),
  badUsername: () =>
    Errors.badInput('input.username', 'Username must be 3-100 characters of a-z, 0-9, dot, hyphen or underscore'),
  badName: (field: string) => Errors.badInput(field, `${field} must be 1-200 characters`),
  staffUserNotFound: (id: string) =>
    new HubError('NOT_FOUND', `Staff user ${id} not found`, { id, field: 'input.staffUserId' }),
  ownAdministration: (field: string, message: string) => Errors.badInput(field, message),
} as const;
