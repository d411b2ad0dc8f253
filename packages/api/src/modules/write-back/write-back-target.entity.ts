import { p } from '@mikro-orm/core';
import { Organisation } from '../organisations/index.js';
import { DELIVERY_KINDS, TARGET_KINDS } from './write-back.codes.js';
import { createdAt, hubEntity, updatedAt } from '../../platform/db/properties.js';

/** Where a practice receives write-back; a practice without a row uses the in-hub record. */
const WriteBackTargetSettingSchema = hubEntity('WriteBackTargetSetting', 'write_back_target', {
  practice: () => p.manyToOne(Organisation).ref().unique(),
  kind: p.enum(TARGET_KINDS),
  endpointUrl: p.string().length(2000).nullable(),
  /** Standard Webhooks signing secret (`whsec_` + base64); never returned after it is set. */
  signingSecret: p.string().length(200).nullable(),
  updatedBy: p.string().length(100),
  updatedAt: updatedAt(),
});

export class WriteBackTargetSetting extends WriteBackTargetSettingSchema.class {}
WriteBackTargetSettingSchema.setClass(WriteBackTargetSetting);

/**
 * The practice record kept inside pcn-hub (the in-hub target): what the practice's users see as
 * "Enterprise Consultation (<location>)". One row per received message, de-duplicated on its id;
 * a replacement archives the row it replaces.
 */
const PracticeRecordEntrySchema = hubEntity(
  'PracticeRecordEntry',
  'practice_record_entry',
  {
    messageId: p.uuid().unique(),
    practiceId: p.uuid(),
    patientId: p.uuid(),
    /** The write-back record (one per hub entry): all versions of one entry share it. */
    recordId: p.uuid(),
    kind: p.enum(DELIVERY_KINDS),
    version: p.integer(),
    replacesMessageId: p.uuid().nullable(),
    supersededByMessageId: p.uuid().nullable(),
    content: p.json<Record<string, unknown>>(),
    receivedAt: createdAt(),
  },
  { indexes: [{ properties: ['practiceId', 'patientId'] }] },
);

export class PracticeRecordEntry extends PracticeRecordEntrySchema.class {}
PracticeRecordEntrySchema.setClass(PracticeRecordEntry);
