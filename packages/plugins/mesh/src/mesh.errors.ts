/**
 * Typed MESH errors. Messages carry the operation, HTTP status, MESH error code and message id only:
 * never a message body, subject or any other header that may carry patient data.
 */

/** Every way a MESH call can fail, as the adapter sees it. */
export const MESH_ERROR_CODES = [
  'AUTH_FAILED',
  'FORBIDDEN',
  'NOT_FOUND',
  'GONE',
  'CHECKSUM_MISMATCH',
  'CHUNK_MISSING',
  'SERVER_ERROR',
  'RATE_LIMITED',
  'TIMEOUT',
  'CONNECTION',
  'UNKNOWN_WORKFLOW',
  'UNKNOWN_RECIPIENT',
  'BAD_REQUEST',
  'PROTOCOL',
] as const;

/** A {@link MeshError} code. */
export type MeshErrorCode = (typeof MESH_ERROR_CODES)[number];

/** The MESH operations the client performs (used in error messages and logs). */
export type MeshOperation =
  | 'handshake'
  | 'listInbox'
  | 'download'
  | 'downloadChunk'
  | 'acknowledge'
  | 'send'
  | 'sendChunk'
  | 'tracking'
  | 'endpointLookup';

/** Details attached to a {@link MeshError}. */
export interface MeshErrorDetails {
  /** The operation that failed. */
  operation?: MeshOperation;
  /** HTTP status, when the server answered. */
  status?: number;
  /** MESH error code from the error body (e.g. "17"), when the server gave one. */
  meshCode?: string;
  /** The MESH message id concerned, when known. */
  messageId?: string;
  /** Chunk number concerned, for chunk errors. */
  chunk?: number;
  /** The underlying error (socket errors); never a response body. */
  cause?: unknown;
}

/** Whether a failure with this code is worth retrying with backoff. */
export function isRetryableMeshCode(code: MeshErrorCode): boolean {
  switch (code) {
    case 'SERVER_ERROR':
    case 'RATE_LIMITED':
    case 'TIMEOUT':
    case 'CONNECTION':
      return true;
    case 'AUTH_FAILED':
    case 'FORBIDDEN':
    case 'NOT_FOUND':
    case 'GONE':
    case 'CHECKSUM_MISMATCH':
    case 'CHUNK_MISSING':
    case 'UNKNOWN_WORKFLOW':
    case 'UNKNOWN_RECIPIENT':
    case 'BAD_REQUEST':
    case 'PROTOCOL':
      return false;
  }
}

/** A failed MESH call. `retryable` is true for 5xx, 429, timeouts and connection failures. */
export class MeshError extends Error {
  override readonly name = 'MeshError';
  /** What went wrong. */
  readonly code: MeshErrorCode;
  /** Whether retrying later may succeed. */
  readonly retryable: boolean;
  /** The operation that failed. */
  readonly operation: MeshOperation | undefined;
  /** HTTP status, when the server answered. */
  readonly status: number | undefined;
  /** MESH error code from the error body. */
  readonly meshCode: string | undefined;
  /** The MESH message id concerned. */
  readonly messageId: string | undefined;
  /** The chunk number concerned. */
  readonly chunk: number | undefined;

  constructor(code: MeshErrorCode, message: string, details: MeshErrorDetails = {}) {
    super(describe(code, message, details), details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.retryable = isRetryableMeshCode(code);
    this.operation = details.operation;
    this.status = details.status;
    this.meshCode = details.meshCode;
    this.messageId = details.messageId;
    this.chunk = details.chunk;
  }
}

function describe(code: MeshErrorCode, message: string, d: MeshErrorDetails): string {
  const parts = [`${code}: ${message}`];
  if (d.operation !== undefined) parts.push(`operation=${d.operation}`);
  if (d.status !== undefined) parts.push(`status=${d.status}`);
  if (d.meshCode !== undefined) parts.push(`meshCode=${d.meshCode}`);
  if (d.messageId !== undefined) parts.push(`messageId=${d.messageId}`);
  if (d.chunk !== undefined) parts.push(`chunk=${d.chunk}`);
  return parts.join(' ');
}

/** Type guard for {@link MeshError}. */
export function isMeshError(value: unknown): value is MeshError {
  return value instanceof MeshError;
}
