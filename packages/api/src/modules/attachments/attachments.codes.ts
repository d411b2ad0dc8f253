/**
 * Coded values of attachments (docs/domain/workflows.md#attachments). The GraphQL enums mirror
 * these.
 */

/**
 * Where an attachment is. AWAITING_UPLOAD: declared with the form, no bytes yet (no row is stored
 * until they arrive). PENDING_SCAN: stored, held until a scanner plugin records a verdict.
 * AVAILABLE: staff may download it. REJECTED: the scanner found it infected; its bytes are deleted.
 */
export const ATTACHMENT_STATUSES = ['AWAITING_UPLOAD', 'PENDING_SCAN', 'AVAILABLE', 'REJECTED'] as const;
export type AttachmentStatus = (typeof ATTACHMENT_STATUSES)[number];

/** The statuses a stored attachment row can have. */
export const STORED_STATUSES = ['PENDING_SCAN', 'AVAILABLE', 'REJECTED'] as const;
export type StoredStatus = (typeof STORED_STATUSES)[number];

/** What a scanner plugin reports. */
export const SCAN_VERDICTS = ['CLEAN', 'INFECTED'] as const;
export type ScanVerdict = (typeof SCAN_VERDICTS)[number];

/** Bytes per stored chunk: the upload buffers at most one chunk, the download reads one at a time. */
export const CHUNK_BYTES = 256 * 1024;

/**
 * Longest silence of an upload's body: an upload holds a database transaction (on PGlite, the one
 * connection), so a client that stops sending is cut off and everything rolled back.
 */
export const UPLOAD_IDLE_MS = 30_000;

/** The plugin event a scanner subscribes to. */
export const RECEIVED_EVENT = 'inbox.ATTACHMENT_RECEIVED';
