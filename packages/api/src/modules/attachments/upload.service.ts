import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { AuthenticatedContext } from '../../platform/context.js';
import { Errors } from '../../platform/errors.js';
import { appendEvent, type StoredEvent } from '../../platform/events/index.js';
import { exec } from '../../platform/db/sql.js';
import type { Em } from '../../platform/db/orm.js';
import { expectGlobalId } from '../../platform/graphql/relay.js';
import { uuidv7 } from '../../platform/ids.js';
import { inboxStream, OnlineConsultation } from '../inbox/index.js';
import { pluginSubscribed } from '../plugins/index.js';
import { Attachment } from './attachment.entity.js';
import { CHUNK_BYTES, RECEIVED_EVENT, UPLOAD_IDLE_MS, type StoredStatus } from './attachments.codes.js';
import { AttachmentErrors } from './attachments.errors.js';
import { canUpload, submitterReaches } from './attachments.policy.js';

/** `sha-256=:<base64>:` of an RFC 9530 Content-Digest header, as hex; null when absent. */
function digestHeader(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  const match = /(?:^|,)\s*sha-256=:([A-Za-z0-9+/]{43}=):/.exec(Array.isArray(value) ? value.join(',') : value);
  if (!match) throw AttachmentErrors.badDigest();
  return Buffer.from(match[1]!, 'base64').toString('hex');
}

/** The request body; the client going away or falling silent ends it as an incomplete upload (a 400, not a fault of the hub). */
async function* bodyOf(req: IncomingMessage): AsyncGenerator<Buffer> {
  try {
    for await (const part of req as AsyncIterable<Buffer>) yield part;
  } catch {
    throw AttachmentErrors.incomplete();
  }
}

/** Whether a scan holds the file: always when the setting says so, else when a scanner plugin is enabled for the inbox. */
async function statusOnArrival(ctx: AuthenticatedContext, em: Em, organisationId: string): Promise<StoredStatus> {
  if (ctx.settings.attachments.scanRequired) return 'PENDING_SCAN';
  return (await pluginSubscribed(em, organisationId, 'attachments:scan', RECEIVED_EVENT))
    ? 'PENDING_SCAN'
    : 'AVAILABLE';
}

/**
 * Receives the bytes of the attachment a consultation declares at `position`
 * (docs/domain/workflows.md#attachments). Everything that can be refused without the body is
 * refused first (who, which declaration, type, declared and announced size), so an oversized or
 * disallowed file stores nothing. The body is then streamed into 256 KiB chunks inside one
 * transaction, counting and hashing as it goes: passing the limit or the declared size, a checksum
 * that differs from the declared one, or the client going away rolls everything back.
 */
export async function receiveUpload(
  ctx: AuthenticatedContext,
  req: IncomingMessage,
  consultationGlobalId: string,
  positionText: string,
): Promise<{ attachment: Attachment; consultation: OnlineConsultation }> {
  const actor = ctx.actor;
  if (!canUpload(actor)) throw AttachmentErrors.uploadNotAllowed();
  const consultationId = expectGlobalId(consultationGlobalId, 'OnlineConsultation', 'consultationId');
  if (!/^\d{1,2}$/.test(positionText))
    throw Errors.badInput('position', 'position must be the index of a declared attachment');
  const position = Number(positionText);
  const c = await ctx.em.findOne(OnlineConsultation, { id: consultationId }, { populate: ['originatingPractice'] });
  const practice = c?.originatingPractice.getEntity();
  if (!c || !practice || !submitterReaches(actor, { id: practice.id, pcnId: practice.pcn?.id ?? null })) {
    throw AttachmentErrors.consultationNotFound(consultationGlobalId);
  }
  const declared = c.attachments[position];
  if (!declared) throw AttachmentErrors.notDeclared(positionText);
  const limits = ctx.settings.attachments;
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (!limits.contentTypes.includes(declared.contentType)) throw AttachmentErrors.typeNotAllowed('content-type');
  if (type !== declared.contentType) throw AttachmentErrors.typeMismatch();
  if (declared.sizeBytes > limits.maxBytes) throw AttachmentErrors.tooLarge(limits.maxBytes);
  const announced = req.headers['content-length'] === undefined ? null : Number(req.headers['content-length']);
  if (announced !== null && announced > limits.maxBytes) throw AttachmentErrors.tooLarge(limits.maxBytes);
  if (announced !== null && announced !== declared.sizeBytes) throw AttachmentErrors.sizeMismatch();
  const digest = digestHeader(req.headers['content-digest']);
  const existing = await ctx.em.findOne(Attachment, { consultation: c.id, position });
  if (existing) throw AttachmentErrors.alreadyUploaded(existing.id);

  req.setTimeout(UPLOAD_IDLE_MS, () => req.destroy(new Error('upload idle')));
  const { attachment, event } = await ctx.em.transactional(
    async (em): Promise<{ attachment: string; event: StoredEvent }> => {
      const id = uuidv7();
      const organisationId = c.owner.id;
      // The row first (the chunks refer to it); a concurrent upload of the same position fails here.
      await exec(
        em,
        `insert into attachment (id, consultation_id, position, organisation_id, file_name, content_type, size_bytes, sha256, status, uploaded_by, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, 0, '', 'PENDING_SCAN', ?, now(), now())`,
        [id, c.id, position, organisationId, declared.fileName, declared.contentType, actor.id],
      );
      const hash = createHash('sha256');
      let size = 0;
      let seq = 0;
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      const store = async (data: Buffer) => {
        await exec(em, 'insert into attachment_chunk (attachment_id, seq, data) values (?, ?, ?)', [id, seq++, data]);
      };
      for await (const part of bodyOf(req)) {
        size += part.length;
        if (size > limits.maxBytes) throw AttachmentErrors.tooLarge(limits.maxBytes);
        if (size > declared.sizeBytes) throw AttachmentErrors.sizeMismatch();
        hash.update(part);
        pending.push(part);
        pendingBytes += part.length;
        while (pendingBytes >= CHUNK_BYTES) {
          const joined = Buffer.concat(pending);
          await store(joined.subarray(0, CHUNK_BYTES));
          pending = [joined.subarray(CHUNK_BYTES)];
          pendingBytes = joined.length - CHUNK_BYTES;
        }
      }
      if (pendingBytes > 0) await store(Buffer.concat(pending));
      if (size !== declared.sizeBytes) throw AttachmentErrors.sizeMismatch();
      const sha256 = hash.digest('hex');
      if (declared.sha256 && declared.sha256 !== sha256) throw AttachmentErrors.checksumMismatch('sha256');
      if (digest && digest !== sha256) throw AttachmentErrors.checksumMismatch('content-digest');
      const status = await statusOnArrival(ctx, em, organisationId);
      await exec(em, 'update attachment set size_bytes = ?, sha256 = ?, status = ? where id = ?', [
        size,
        sha256,
        status,
        id,
      ]);
      const stored = await appendEvent(em, {
        stream: inboxStream(organisationId),
        type: 'ATTACHMENT_RECEIVED',
        subjectType: 'OnlineConsultation',
        subjectId: c.id,
        actorId: actor.id,
        payload: { consultationId: c.id, attachmentId: id, position, status },
      });
      ctx.audit.record(em, {
        action: 'uploadAttachment',
        subjectType: 'OnlineConsultation',
        subjectId: c.id,
        patientId: c.patient?.id ?? null,
        reason: id,
      });
      return { attachment: id, event: stored };
    },
  );
  ctx.events.hint({ stream: event.stream, seq: event.seq });
  return { attachment: await ctx.em.fork().findOneOrFail(Attachment, { id: attachment }), consultation: c };
}
