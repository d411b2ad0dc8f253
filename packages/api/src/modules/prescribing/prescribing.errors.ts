import { Errors, HubError } from '../../platform/errors.js';
import type { PrescriptionState } from './prescribing.codes.js';

/** Situation-named errors of prescribing. Messages carry ids and rules, never patient data. */
export const PrescribingErrors = {
  notFound: (id: string, field = 'input.prescriptionId') =>
    new HubError('NOT_FOUND', `Prescription ${id} not found`, { id, field }),
  patientNotFound: (field: string) => new HubError('NOT_FOUND', 'Patient not found', { field }),
  patientRequired: () => Errors.badInput('input.patientId', 'Give exactly one of patientId and nhsNumber'),
  hubServiceNotFound: () => new HubError('NOT_FOUND', 'Hub service not found', { field: 'input.hubServiceId' }),
  consultationNotFound: () => new HubError('NOT_FOUND', 'Consultation not found', { field: 'input.consultationId' }),
  consultationOfOtherPatient: () =>
    Errors.badInput('input.consultationId', 'The consultation is about another patient'),
  itemCount: () => Errors.badInput('input.items', 'A prescription has 1 to 4 items'),
  badDmd: (i: number) => Errors.badInput(`input.items[${i}].dmdCode`, 'Not a valid dm+d code'),
  scheduleOne: (i: number) =>
    new HubError('BAD_USER_INPUT', 'Schedule 1 controlled drugs cannot be prescribed through EPS', {
      field: `input.items[${i}].dmdCode`,
      rule: 'SCHEDULE_1_CONTROLLED_DRUG',
    }),
  badQuantity: (i: number) =>
    Errors.badInput(
      `input.items[${i}].quantity`,
      'quantity must be greater than 0, at most 1,000,000, with up to 3 decimals',
    ),
  badText: (field: string, max: number) => Errors.badInput(field, `${field} must be 1-${max} characters`),
  badDispenser: () => Errors.badInput('input.nominatedDispenserOds', 'Not a valid ODS code'),
  invalidTransition: (id: string, from: PrescriptionState, to: PrescriptionState) =>
    Errors.invalidTransition('Prescription', id, from, to),
  repeatNotIssuedAtHub: (id: string, from: PrescriptionState) =>
    new HubError(
      'INVALID_TRANSITION',
      `Prescription ${id} is a repeat: repeats are not issued at the hub but by the registered practice (${from} to ISSUED refused)`,
      { id, from, to: 'ISSUED', rule: 'REPEAT_ISSUED_BY_PRACTICE' },
    ),
  acuteNotForPractice: (id: string) =>
    new HubError('INVALID_TRANSITION', `Prescription ${id} is acute: the hub issues it, not the practice`, {
      id,
      rule: 'ACUTE_ISSUED_BY_HUB',
    }),
  notAPrescriber: () =>
    new HubError('FORBIDDEN', "Only an active prescriber of the hub's prescribing cost centre may do this", {
      rule: 'PRESCRIBER_OF_COST_CENTRE',
    }),
  notAllowed: (what: string) => Errors.forbidden(`Not allowed to ${what} this prescription`),
  noCostCentre: () => Errors.conflict('The hub has no active prescribing cost centre', { rule: 'NO_COST_CENTRE' }),
  reasonRequired: () => Errors.badInput('input.reason', 'reason must be 1-500 characters'),
  badCostCentreOds: () => Errors.badInput('input.odsCode', 'A cost centre code is one letter then five digits'),
  costCentreTaken: () =>
    Errors.conflict('That cost centre code belongs to another organisation', { field: 'input.odsCode' }),
  badCommissioner: () => Errors.badInput('input.parentCommissionerCode', 'Not a valid commissioner ODS code'),
  badPrescriberCode: (message: string) => Errors.badInput('input.code', message),
  staffNotFound: () => new HubError('NOT_FOUND', 'No such staff user at this hub', { field: 'input.username' }),
  staffNotPrescriber: () => Errors.badInput('input.username', 'The staff user does not hold the HUB_PRESCRIBER role'),
  prescriberExists: () =>
    Errors.conflict('The staff user is already an active prescriber of this cost centre', { field: 'input.username' }),
  prescriberNotFound: () => new HubError('NOT_FOUND', 'Prescriber not found', { field: 'input.prescriberId' }),
  badPeriod: () => Errors.badInput('period', 'period.from must be before period.to, at most 731 days apart'),
} as const;
