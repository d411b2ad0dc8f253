import { defineEntity, p } from '@mikro-orm/core';
import { createdAt } from '../../platform/db/properties.js';
import { uuidv7 } from '../../platform/ids.js';
import { OnlineConsultation } from '../inbox/index.js';
import { SCAN_VERDICTS, STORED_STATUSES } from './attachments.codes.js';

/**
 * The bytes of one file the patient attached to an online consultation (the form declares it at
 * `position`), stored with the hub. Written with all its chunks in the one transaction of the
 * upload: a failed or aborted upload leaves no row. Its name is patient data: never logged.
 */
const AttachmentSchema = defineEntity({
  name: 'Attachment',
  tableName: 'attachment',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => uuidv7()),
    consultation: () => p.manyToOne(OnlineConsultation).ref(),
    /** Index of the declaration in the consultation's `attachments` list. */
    position: p.smallint(),
    /** The inbox that held the consultation on arrival: its stream carries the events, its scanner scans. */
    organisationId: p.uuid(),
    fileName: p.string().length(255),
    contentType: p.string().length(130),
    sizeBytes: p.integer(),
    /** SHA-256 of the bytes, lower-case hex, computed while they streamed in. */
    sha256: p.string().length(64),
    status: p.enum(STORED_STATUSES),
    uploadedBy: p.string().length(100),
    scanVerdict: p.enum(SCAN_VERDICTS).nullable(),
    scannedBy: p.string().length(100).nullable(),
    scannedAt: p.datetime().nullable(),
    createdAt: createdAt(),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
  uniques: [{ properties: ['consultation', 'position'] }],
});

export class Attachment extends AttachmentSchema.class {}
AttachmentSchema.setClass(Attachment);

/** One chunk of an attachment's bytes (`seq` from 0); read and written by plain SQL, one chunk at a time. */
const AttachmentChunkSchema = defineEntity({
  name: 'AttachmentChunk',
  tableName: 'attachment_chunk',
  properties: {
    attachment: () => p.manyToOne(Attachment).ref().primary().deleteRule('cascade'),
    seq: p.integer().primary(),
    data: p.type('blob'),
  },
});

export class AttachmentChunk extends AttachmentChunkSchema.class {}
AttachmentChunkSchema.setClass(AttachmentChunk);
