import { Errors, HubError } from '../../platform/errors.js';
import type { AgreementType } from './referrals.codes.js';
import type { ReferralState } from './referral.state.js';

/** Situation-named errors of referrals; messages carry ids and codes, never patient data. */
export const ReferralErrors = {
  notFound: (id: string, field = 'input.referralId') =>
    new HubError('NOT_FOUND', `Referral ${id} not found`, { id, field }),
  serviceNotFound: (field: string) => new HubError('NOT_FOUND', 'Hub service not found', { field }),
  patientNotFound: () => new HubError('NOT_FOUND', 'Patient not found', { field: 'input.nhsNumber' }),
  slotNotFound: () => new HubError('NOT_FOUND', 'Slot not found', { field: 'input.slotId' }),
  teamNotFound: () => new HubError('NOT_FOUND', 'Hub team not found', { field: 'input.task.teamId' }),
  taskNotFound: (id: string) => new HubError('NOT_FOUND', `Trace task ${id} not found`, { id, field: 'input.taskId' }),
  consultationNotFound: (id: string) =>
    new HubError('NOT_FOUND', `OnlineConsultation ${id} not found`, { id, field: 'input.consultationId' }),
  practiceNotFound: (field: string) => new HubError('NOT_FOUND', 'Practice not found in this PCN', { field }),
  noHub: () => Errors.conflict('This PCN has no hub', { reason: 'NO_HUB' }),
  invalidTransition: (id: string, from: ReferralState, to: ReferralState) =>
    Errors.invalidTransition('Referral', id, from, to),
  methodNotAccepted: (method: string, serviceId: string) =>
    new HubError('BAD_USER_INPUT', `Hub service ${serviceId} does not accept referral method ${method}`, {
      field: 'input.method',
      method,
      rule: 'METHOD_NOT_ACCEPTED',
    }),
  wrongInitiator: (method: string, by: string) =>
    new HubError('BAD_USER_INPUT', `Referral method ${method} is started by the ${by}`, {
      field: 'input.method',
      method,
      rule: 'METHOD_INITIATOR',
    }),
  consentRequired: () =>
    new HubError(
      'BAD_USER_INPUT',
      "Cross-organisation booking needs the patient's consent to the hub accessing their record",
      {
        field: 'input.consentToRecordAccess',
        rule: 'RECORD_ACCESS_CONSENT',
      },
    ),
  required: (field: string, method: string) =>
    new HubError('BAD_USER_INPUT', `${field} is required for ${method}`, { field, method, rule: 'METHOD_INPUT' }),
  notUsed: (field: string, method: string) =>
    new HubError('BAD_USER_INPUT', `${field} is not used by ${method}`, { field, method, rule: 'METHOD_INPUT' }),
  badText: (field: string, max: number) => Errors.badInput(field, `${field} must be 1-${max} characters`),
  identifierInSubject: () =>
    new HubError('BAD_USER_INPUT', 'A task subject must not carry patient identifiers (it is shown in lists)', {
      field: 'input.task.subject',
      rule: 'NO_PID_IN_SUBJECT',
    }),
  badContentType: () => Errors.badInput('input.document.contentType', 'Unsupported document content type'),
  badSize: (max: number) => Errors.badInput('input.document.sizeBytes', `sizeBytes must be 1-${max}`),
  agreementMissing: (type: AgreementType, method: string, practiceOds: string, hubOds: string, state: string | null) =>
    new HubError(
      'CONFLICT',
      state
        ? `${method} needs an ACTIVE ${type} agreement between ${practiceOds} and ${hubOds}; it is ${state}`
        : `${method} needs an ACTIVE ${type} agreement between ${practiceOds} and ${hubOds}; there is none`,
      { reason: 'AGREEMENT_NOT_ACTIVE', agreement: type, method, agreementState: state },
    ),
  notInOrganisationGroup: (practiceOds: string, hubOds: string) =>
    new HubError(
      'CONFLICT',
      `GP_CONNECT_BOOKING needs practice ${practiceOds} to be in the organisation group of hub ${hubOds}`,
      {
        reason: 'NOT_IN_ORGANISATION_GROUP',
        method: 'GP_CONNECT_BOOKING',
      },
    ),
  notGpConnectBookable: () =>
    new HubError('CONFLICT', 'GP_CONNECT_BOOKING needs a slot in a GP Connect-bookable book', {
      field: 'input.slotId',
      reason: 'BOOK_NOT_GP_CONNECT_BOOKABLE',
      method: 'GP_CONNECT_BOOKING',
    }),
  slotOfOtherService: () =>
    Errors.badInput('input.slotId', "The slot belongs to another hub service than the referral's"),
  slotUnavailable: (id: string, why: string) =>
    new HubError('CONFLICT', `Slot ${id} cannot be booked: ${why}`, {
      id,
      field: 'input.slotId',
      reason: `SLOT_${why}`,
    }),
  teamRefusesTasks: (teamId: string) =>
    new HubError('CONFLICT', `Hub team ${teamId} does not accept cross-organisation tasks`, {
      field: 'input.task.teamId',
      reason: 'TEAM_DOES_NOT_ACCEPT_TASKS',
    }),
  notSignposted: (id: string) =>
    new HubError('CONFLICT', `OnlineConsultation ${id} is not in the queue of that hub service`, {
      id,
      field: 'input.serviceId',
      reason: 'NOT_SIGNPOSTED_TO_SERVICE',
    }),
  unmatchedConsultation: (id: string) =>
    new HubError('CONFLICT', `OnlineConsultation ${id} has no matched patient`, { id, reason: 'PATIENT_NOT_MATCHED' }),
  alreadyReferred: (id: string) =>
    new HubError('CONFLICT', `OnlineConsultation ${id} is already a referral`, { id, reason: 'ALREADY_REFERRED' }),
  reasonRequired: () => Errors.badInput('input.reason', 'A reason is required'),
  traceClosed: (id: string) =>
    new HubError('CONFLICT', `Trace task ${id} is already closed`, { id, reason: 'TRACE_TASK_CLOSED' }),
  notYourReferral: (id: string) =>
    new HubError('NOT_FOUND', `Referral ${id} not found`, { id, field: 'input.referralId' }),
  hubOnly: () => Errors.forbidden('Only hub staff may do this'),
} as const;
