import { p } from '@mikro-orm/core';
import { OnlineConsultation } from '../inbox/index.js';
import { REPLY_CHANNELS, REPLY_STATUSES, REPLY_TEMPLATES } from './replies.codes.js';
import { createdAt, hubEntity, updatedAt } from '../../platform/db/properties.js';

/**
 * A message staff sent the patient of an online consultation, and where it is. Written with an
 * `REPLY_REQUESTED` event on the owning inbox's stream in one transaction (the outbox row); the
 * patient-messaging plugin receives the event by webhook, reads the reply, sends it and reports the
 * status. `text` and `link` are patient-facing content: never logged, never in events or errors.
 */
const PatientReplySchema = hubEntity('PatientReply', 'patient_reply', {
  consultation: () => p.manyToOne(OnlineConsultation).ref().index(),
  /** The inbox that held the consultation when the reply was sent (its stream carries the events). */
  ownerId: p.uuid(),
  template: p.enum(REPLY_TEMPLATES),
  text: p.text(),
  link: p.string().length(500).nullable(),
  channel: p.enum(REPLY_CHANNELS),
  status: p.enum(REPLY_STATUSES),
  retries: p.integer().default(0),
  errorCode: p.string().length(40).nullable(),
  sentBy: p.string().length(100),
  reportedBy: p.string().length(100).nullable(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export class PatientReply extends PatientReplySchema.class {}
PatientReplySchema.setClass(PatientReply);
