import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DateTime } from '../../platform/graphql/scalars.js';
import { ATTACHMENT_STATUSES, SCAN_VERDICTS, type AttachmentStatus, type ScanVerdict } from './attachments.codes.js';
import { graphqlEnum } from '../../platform/graphql/enums.js';

export const AttachmentStatusEnum = graphqlEnum(ATTACHMENT_STATUSES, {
  name: 'AttachmentStatus',
  description: 'Where an attachment is.',
  values: {
    AWAITING_UPLOAD: 'Declared with the form; its bytes have not arrived.',
    PENDING_SCAN: 'Stored, held until a scanner plugin records its verdict.',
    AVAILABLE: 'Released: staff who can see the consultation may download it.',
    REJECTED: 'The scanner found it infected; its bytes were deleted.',
  },
});

export const ScanVerdictEnum = graphqlEnum(SCAN_VERDICTS, {
  name: 'ScanVerdict',
  description: "A scanner plugin's verdict on an attachment.",
  values: {
    CLEAN: 'Nothing found: the attachment is released (AVAILABLE).',
    INFECTED: 'Malware found: the attachment is REJECTED and its bytes deleted.',
  },
});

@ObjectType('AttachmentDownloadLink', { description: 'A signed, short-lived link to download one attachment.' })
export class AttachmentDownloadLinkType {
  @Field(() => ID, { description: 'Global id of the attachment.' })
  attachmentId!: string;
  @Field(() => String, {
    description:
      "Path and query of the link, relative to the hub's origin (GET it, no credentials needed). Each fetch is audited against whoever asked for the link.",
  })
  url!: string;
  @Field(() => DateTime, {
    description: 'When the link stops working (410 LINK_EXPIRED); ATTACHMENT_LINK_SECONDS after it was issued.',
  })
  expiresAt!: Date;
}

@ObjectType('StoredAttachment', { description: 'An attachment whose bytes the hub holds.' })
export class StoredAttachmentType {
  @Field(() => ID, { description: 'Global id of the attachment.' })
  attachmentId!: string;
  @Field(() => AttachmentStatusEnum, { description: 'Where it is.' })
  status!: AttachmentStatus;
  @Field(() => ScanVerdictEnum, { nullable: true, description: "The scanner's verdict; null when none was recorded." })
  scanVerdict!: ScanVerdict | null;
}

@InputType('RecordAttachmentScanInput', { description: "A scanner plugin's verdict on an attachment." })
export class RecordAttachmentScanInput {
  @Field(() => ID, {
    description: 'Global id of the attachment (`attachmentId` of the inbox.ATTACHMENT_RECEIVED event, as a global id).',
  })
  attachmentId!: string;
  @Field(() => ScanVerdictEnum, { description: 'CLEAN releases it; INFECTED rejects it.' })
  verdict!: ScanVerdict;
}

@ObjectType('RecordAttachmentScanPayload', { description: 'Result of recordAttachmentScan.' })
export class RecordAttachmentScanPayload {
  @Field(() => StoredAttachmentType, { description: 'The attachment as it now is.' })
  attachment!: StoredAttachmentType;
}
