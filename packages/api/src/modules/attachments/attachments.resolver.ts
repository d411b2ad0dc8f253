import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PluginScope } from '../../platform/auth/plugin-scope.js';
import type { AuthenticatedContext, RequestContext } from '../../platform/context.js';
import { DateTime } from '../../platform/graphql/scalars.js';
import { toGlobalId } from '../../platform/graphql/relay.js';
import { asDate } from '../../platform/db/sql.js';
import { INBOX_ROLES, OcAttachmentType } from '../inbox/index.js';
import type { Attachment } from './attachment.entity.js';
import type { AttachmentStatus, ScanVerdict } from './attachments.codes.js';
import { AttachmentCommands, storedAttachments, type StoredAttachmentRow } from './attachments.service.js';
import {
  AttachmentDownloadLinkType,
  AttachmentStatusEnum,
  RecordAttachmentScanInput,
  RecordAttachmentScanPayload,
  ScanVerdictEnum,
  StoredAttachmentType,
} from './attachments.types.js';

const commands = (ctx: RequestContext) => new AttachmentCommands(ctx as AuthenticatedContext);
const stored = async (a: OcAttachmentType, ctx: RequestContext): Promise<StoredAttachmentRow | null> =>
  (await storedAttachments(ctx).load(a.consultationDbId)).get(a.position) ?? null;

const toStoredType = (a: Attachment): StoredAttachmentType => ({
  attachmentId: toGlobalId('Attachment', a.id),
  status: a.status,
  scanVerdict: a.scanVerdict ?? null,
});

/** Attachments of online consultations: their stored files, download links and the scanner's verdicts. */
@Resolver(() => OcAttachmentType)
export class AttachmentResolver {
  @Authorized(...INBOX_ROLES)
  @PluginScope('attachments:scan')
  @Query(() => AttachmentDownloadLinkType, {
    description:
      'A signed link to download an attachment, valid ATTACHMENT_LINK_SECONDS: for staff who can see its consultation once it is AVAILABLE (else ATTACHMENT_NOT_AVAILABLE), and for the scanner plugin of the inbox it arrived in while it is PENDING_SCAN too. Any other attachment answers NOT_FOUND. Each fetch of the link is audited.',
  })
  async attachmentDownloadLink(
    @Arg('attachmentId', () => ID, {
      description: 'Global id of the attachment (a scanner may give the uuid of its event).',
    })
    attachmentId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<AttachmentDownloadLinkType> {
    const link = await commands(ctx).downloadLink(attachmentId);
    return { attachmentId: toGlobalId('Attachment', link.attachment.id), url: link.url, expiresAt: link.expiresAt };
  }

  @Authorized('INTEGRATION')
  @PluginScope('attachments:scan')
  @Mutation(() => RecordAttachmentScanPayload, {
    description:
      "A scanner plugin's verdict on an attachment of the inbox it acts for: CLEAN releases it (AVAILABLE), INFECTED rejects it and deletes its bytes (also after release). Repeating a verdict is harmless; other moves are INVALID_TRANSITION. Audited; an inbox.ATTACHMENT_SCANNED event follows.",
  })
  async recordAttachmentScan(
    @Arg('input', () => RecordAttachmentScanInput, { description: 'What to change: see RecordAttachmentScanInput.' })
    input: RecordAttachmentScanInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RecordAttachmentScanPayload> {
    return { attachment: toStoredType(await commands(ctx).recordScan(input)) };
  }

  @FieldResolver(() => ID, {
    nullable: true,
    description: 'Global id of the stored file; null until its bytes arrive.',
  })
  async attachmentId(@Root() a: OcAttachmentType, @Ctx() ctx: RequestContext): Promise<string | null> {
    const row = await stored(a, ctx);
    return row ? toGlobalId('Attachment', row.id) : null;
  }

  @FieldResolver(() => Int, {
    description: 'Index of the attachment in the form (the position its bytes are uploaded to).',
  })
  position(@Root() a: OcAttachmentType): number {
    return a.position;
  }

  @FieldResolver(() => AttachmentStatusEnum, { description: 'Where it is: AWAITING_UPLOAD until its bytes arrive.' })
  async status(@Root() a: OcAttachmentType, @Ctx() ctx: RequestContext): Promise<AttachmentStatus> {
    return (await stored(a, ctx))?.status ?? 'AWAITING_UPLOAD';
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'SHA-256 of the bytes (hex): as computed on arrival, else as the supplier declared it; null when neither.',
  })
  async sha256(@Root() a: OcAttachmentType, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await stored(a, ctx))?.sha256 ?? a.sha256 ?? null;
  }

  @FieldResolver(() => ScanVerdictEnum, {
    nullable: true,
    description: "The scanner's verdict; null when none was recorded.",
  })
  async scanVerdict(@Root() a: OcAttachmentType, @Ctx() ctx: RequestContext): Promise<ScanVerdict | null> {
    return (await stored(a, ctx))?.scan_verdict ?? null;
  }

  @FieldResolver(() => DateTime, { nullable: true, description: 'When its bytes arrived; null until then.' })
  async receivedAt(@Root() a: OcAttachmentType, @Ctx() ctx: RequestContext): Promise<Date | null> {
    const row = await stored(a, ctx);
    return row ? asDate(row.created_at) : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'A signed link to download it (as attachmentDownloadLink gives, valid ATTACHMENT_LINK_SECONDS), for staff, once it is AVAILABLE; else null. Each fetch is audited.',
  })
  async downloadUrl(@Root() a: OcAttachmentType, @Ctx() ctx: RequestContext): Promise<string | null> {
    const row = await stored(a, ctx);
    if (!row || row.status !== 'AVAILABLE' || !ctx.actor || ctx.actor.plugin) return null;
    return commands(ctx).sign(row.id).url;
  }
}
