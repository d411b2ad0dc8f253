import DataLoader from 'dataloader';
import { LockMode } from '@mikro-orm/core';
import type { AuthenticatedContext, RequestContext } from '../../platform/context.js';
import { exec } from '../../platform/db/sql.js';
import { HubError } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events/index.js';
import { expectGlobalId } from '../../platform/graphql/relay.js';
import { isUuid } from '../../platform/ids.js';
import { consultationGlobalId, inboxStream, InboxService } from '../inbox/index.js';
import { Attachment } from './attachment.entity.js';
import type { ScanVerdict, StoredStatus } from './attachments.codes.js';
import { AttachmentErrors } from './attachments.errors.js';
import { signLink } from './links.rules.js';
import { isScannerFor } from './attachments.policy.js';

/** A stored attachment as its consultation's fields read it. */
export interface StoredAttachmentRow {
  readonly id: string;
  readonly consultation_id: string;
  /** smallint: a number from both drivers, typed loosely as driver rows are. */
  readonly position: number | string;
  readonly organisation_id: string;
  readonly size_bytes: number;
  readonly sha256: string;
  readonly status: StoredStatus;
  readonly scan_verdict: ScanVerdict | null;
  readonly scanned_at: Date | string | null;
  readonly created_at: Date | string;
}

/**
 * The stored attachments of consultations, by consultation id and position. Batched per tick and
 * never cached: a live subscription resolves it for each event, and must see the current status.
 */
export function storedAttachments(ctx: RequestContext): DataLoader<string, Map<number, StoredAttachmentRow>> {
  return ctx.loader(
    'attachments.byConsultation',
    (c) =>
      new DataLoader<string, Map<number, StoredAttachmentRow>>(
        async (ids) => {
          const rows = await exec<StoredAttachmentRow>(
            c.orm.em.fork(),
            `select id, consultation_id, position, organisation_id, size_bytes, sha256, status, scan_verdict, scanned_at, created_at
               from attachment where consultation_id in (${ids.map(() => '?').join(', ')})`,
            ids,
          );
          return ids.map(
            (id) => new Map(rows.filter((r) => r.consultation_id === id).map((r) => [Number(r.position), r])),
          );
        },
        { cache: false },
      ),
  );
}

/** An attachment id as a global id, or the uuid an event carries. */
function attachmentDbId(value: string, field: string): string {
  return isUuid(value) ? value : expectGlobalId(value, 'Attachment', field);
}

/** A signed link and when it lapses. */
export interface DownloadLink {
  readonly attachment: Attachment;
  readonly url: string;
  readonly expiresAt: Date;
}

/** Links and scan verdicts (docs/domain/workflows.md#attachments). */
export class AttachmentCommands {
  constructor(private readonly ctx: AuthenticatedContext) {}

  /** A link for the attachment itself, no visibility check: for a caller that already holds the consultation. */
  sign(attachmentId: string, forScan = false): { url: string; expiresAt: Date } {
    const settings = this.ctx.settings.attachments;
    const expiresAt = Math.floor(Date.now() / 1000) + settings.linkSeconds;
    const actor = this.ctx.actor;
    const url = signLink(settings.linkSecret, {
      attachmentId,
      expiresAt,
      actorKind: actor.kind,
      actorId: actor.id,
      organisationOds: actor.organisationOds,
      forScan,
    });
    return { url, expiresAt: new Date(expiresAt * 1000) };
  }

  /**
   * A short-lived link: for staff who may see the consultation (the inbox's own rule), once the
   * file is AVAILABLE; for the scanner plugin of the inbox it arrived in, while it is held for the
   * scan too. Anything else answers NOT_FOUND, as a missing attachment does.
   */
  async downloadLink(attachmentGlobalId: string): Promise<DownloadLink> {
    const id = attachmentDbId(attachmentGlobalId, 'attachmentId');
    const attachment = await this.ctx.em.findOne(Attachment, { id });
    if (!attachment) throw AttachmentErrors.notFound(attachmentGlobalId, 'attachmentId');
    if (this.ctx.actor.plugin) {
      if (!isScannerFor(this.ctx.actor, attachment))
        throw AttachmentErrors.notFound(attachmentGlobalId, 'attachmentId');
      if (attachment.status === 'REJECTED') throw AttachmentErrors.notAvailable(attachmentGlobalId, attachment.status);
      return { attachment, ...this.sign(id, true) };
    }
    try {
      await new InboxService(this.ctx).byId(consultationGlobalId(attachment.consultation.id));
    } catch (error) {
      if (error instanceof HubError && error.code === 'NOT_FOUND')
        throw AttachmentErrors.notFound(attachmentGlobalId, 'attachmentId');
      throw error;
    }
    if (attachment.status !== 'AVAILABLE') throw AttachmentErrors.notAvailable(attachmentGlobalId, attachment.status);
    return { attachment, ...this.sign(id) };
  }

  /**
   * The scanner's verdict: CLEAN releases a held file (AVAILABLE), INFECTED rejects it and deletes
   * its bytes. The same verdict again is harmless; any other move is INVALID_TRANSITION.
   */
  async recordScan(input: { attachmentId: string; verdict: ScanVerdict }): Promise<Attachment> {
    const id = attachmentDbId(input.attachmentId, 'input.attachmentId');
    const actor = this.ctx.actor;
    const to: StoredStatus = input.verdict === 'CLEAN' ? 'AVAILABLE' : 'REJECTED';
    const { attachment, event } = await this.ctx.em.transactional(async (em) => {
      const a = await em.findOne(Attachment, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!a || !isScannerFor(actor, a)) throw AttachmentErrors.notFound(input.attachmentId, 'input.attachmentId');
      if (a.scanVerdict === input.verdict && a.status === to) return { attachment: a, event: null };
      if (a.status !== 'PENDING_SCAN' && !(a.status === 'AVAILABLE' && input.verdict === 'INFECTED')) {
        throw AttachmentErrors.badVerdictTransition(input.attachmentId, a.status, to);
      }
      a.status = to;
      a.scanVerdict = input.verdict;
      a.scannedBy = actor.plugin?.name ?? actor.id;
      a.scannedAt = new Date();
      if (to === 'REJECTED') await exec(em, 'delete from attachment_chunk where attachment_id = ?', [a.id]);
      const stored = await appendEvent(em, {
        stream: inboxStream(a.organisationId),
        type: 'ATTACHMENT_SCANNED',
        subjectType: 'OnlineConsultation',
        subjectId: a.consultation.id,
        actorId: actor.id,
        payload: { consultationId: a.consultation.id, attachmentId: a.id, verdict: input.verdict, status: to },
      });
      this.ctx.audit.record(em, {
        action: 'recordAttachmentScan',
        subjectType: 'OnlineConsultation',
        subjectId: a.consultation.id,
        reason: `${a.id} ${input.verdict}`,
      });
      return { attachment: a, event: stored };
    });
    if (event) this.ctx.events.hint({ stream: event.stream, seq: event.seq });
    return attachment;
  }
}
