import { AuditEvent } from '../audit/audit-event.entity.js';
import { EventLog, StreamHead } from '../events/event-log.entity.js';
import { Organisation, StaffUser } from '../../modules/organisations/index.js';
import { Patient } from '../../modules/patients/index.js';

/** Every entity the ORM maps; modules add theirs here. */
export const ENTITIES = [Organisation, StaffUser, Patient, AuditEvent, EventLog, StreamHead];
