import { Errors, HubError } from '../../platform/errors.js';

/** Situation-named errors of the write-back module; messages carry ids, never patient data. */
export const WriteBackErrors = {
  organisationNotFound: (field: string) => new HubError('NOT_FOUND', 'Organisation not found in this PCN', { field }),
  notAMember: (field: string, kind: string) =>
    Errors.badInput(field, `A ${kind} organisation cannot take part in a write-back agreement`),
  inactiveMember: (field: string) =>
    Errors.badInput(field, 'The organisation is no longer an active member of the PCN'),
  targetNotAPractice: () => Errors.badInput('input.targetOdsCode', 'Write-back targets a practice record'),
  samePair: () => Errors.badInput('input.targetOdsCode', 'Source and target must be different organisations'),
  oneToOneNeedsPractices: () => Errors.badInput('input.oneToOne', 'A one-to-one agreement is between two practices'),
  agreementExists: (id: string) =>
    new HubError('CONFLICT', `Write-back agreement ${id} already covers this pair; suspend or revoke it first`, {
      id,
      field: 'input.targetOdsCode',
    }),
  agreementNotFound: (id: string) =>
    new HubError('NOT_FOUND', `Write-back agreement ${id} not found`, { id, field: 'input.agreementId' }),
  notYourSide: () => Errors.forbidden("Only the source or target organisation's administrator may do this"),
  deliveryNotFound: (id: string) =>
    new HubError('NOT_FOUND', `Write-back delivery ${id} not found`, { id, field: 'input.deliveryId' }),
  practiceNotFound: (field: string) => new HubError('NOT_FOUND', 'Practice not found in this PCN', { field }),
  badEndpoint: () => Errors.badInput('input.endpointUrl', 'endpointUrl must be an http or https URL'),
  endpointNeeded: () => Errors.badInput('input.endpointUrl', 'An HTTP target needs an endpointUrl'),
  badSecret: () =>
    Errors.badInput('input.signingSecret', 'signingSecret must be whsec_ followed by base64 of 24-64 bytes'),
} as const;
