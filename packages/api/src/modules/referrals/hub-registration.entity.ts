import { p } from '@mikro-orm/core';
import { Organisation } from '../organisations/index.js';
import { Patient } from '../patients/index.js';
import { HUB_REGISTRATION_TYPES, TRACE_TASK_STATES } from './referrals.codes.js';
import { createdAt, hubEntity, updatedAt } from '../../platform/db/properties.js';

/**
 * How the hub knows a patient (docs/domain/model.md#hub-registration: never REGULAR). No row: the
 * patient is unknown to the hub, and a cross-organisation booking needs a trace first.
 */
const HubRegistrationSchema = hubEntity(
  'HubRegistration',
  'hub_registration',
  {
    hub: () => p.manyToOne(Organisation).ref(),
    patient: () => p.manyToOne(Patient).ref().index(),
    type: p.enum(HUB_REGISTRATION_TYPES),
    updatedBy: p.string().length(100),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  { uniques: [{ properties: ['hub', 'patient'] }] },
);

export class HubRegistration extends HubRegistrationSchema.class {}
HubRegistrationSchema.setClass(HubRegistration);

/**
 * Work for hub admin: trace a patient booked in before the hub knew them. The NHS number travels
 * with the task (replacing the "paste it into slot notes" workaround of
 * docs/domain/workflows.md#cross-organisation-booking). At most one OPEN task
 * per hub and patient.
 */
const PatientTraceTaskSchema = hubEntity(
  'PatientTraceTask',
  'patient_trace_task',
  {
    hub: () => p.manyToOne(Organisation).ref(),
    patient: () => p.manyToOne(Patient).ref().index(),
    nhsNumber: p.string().length(10),
    requestedBy: () => p.manyToOne(Organisation).ref().index(),
    /** The referral that raised it; others for the same patient wait on it too. */
    referralId: p.uuid(),
    state: p.enum(TRACE_TASK_STATES),
    outcomeReason: p.string().length(500).nullable(),
    completedBy: p.string().length(100).nullable(),
    completedAt: p.datetime().nullable(),
    createdAt: createdAt(),
  },
  {
    indexes: [
      { properties: ['hub', 'state', 'createdAt'] },
      {
        name: 'patient_trace_task_open_unique',
        expression: `create unique index "patient_trace_task_open_unique" on "patient_trace_task" ("hub_id", "patient_id") where "state" = 'OPEN'`,
      },
    ],
  },
);

export class PatientTraceTask extends PatientTraceTaskSchema.class {}
PatientTraceTaskSchema.setClass(PatientTraceTask);
