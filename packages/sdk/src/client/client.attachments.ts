import { HubApiError, HubNetworkError, type HubGraphQLError } from './client.errors.js';
import type { HttpTransport } from './client.http.js';

/** The bytes of an attachment: whole, or as a stream (sent chunked, never buffered by the client). */
export type AttachmentBody = Uint8Array | ReadableStream<Uint8Array>;

/** What {@link HubClient.uploadAttachment} sends besides the bytes. */
export interface UploadAttachmentOptions {
  /** The MIME type declared for it with the consultation. */
  readonly contentType: string;
  /** SHA-256 of the bytes (hex): sent as `Content-Digest`, the hub refuses other bytes. */
  readonly sha256?: string;
  readonly signal?: AbortSignal;
}

/** The attachment as the hub stored it. */
export interface UploadedAttachment {
  /** Global id (`attachmentDownloadLink`, `recordAttachmentScan`). */
  readonly attachmentId: string;
  readonly position: number;
  /** `PENDING_SCAN` (a scanner holds it) or `AVAILABLE`. */
  readonly status: string;
  readonly sizeBytes: number;
  readonly sha256: string;
}

/** Hex as base64 (browsers have no Buffer). */
function hexToBase64(hex: string): string {
  const bytes = hex.match(/../g) ?? [];
  return btoa(String.fromCharCode(...bytes.map((b) => parseInt(b, 16))));
}

/** The hub's origin path (the GraphQL URL without its trailing `graphql`) joined with `path`. */
export function hubPath(graphqlUrl: string, path: string): string {
  return new URL(path.replace(/^\//, ''), graphqlUrl.replace(/graphql\/?$/, '')).toString();
}

async function refusal(response: Response): Promise<HubApiError> {
  let errors: HubGraphQLError[] = [];
  try {
    errors = ((await response.json()) as { errors?: HubGraphQLError[] }).errors ?? [];
  } catch {
    // Not the hub's JSON (a proxy's page): the status speaks.
  }
  return new HubApiError(errors, { status: response.status });
}

/**
 * PUTs an attachment's bytes to `/attachments/consultations/<consultationId>/<position>` with the
 * client's credentials. Not retried: a repeat after a lost answer is CONFLICT (the first stands).
 */
export async function uploadAttachment(
  transport: HttpTransport,
  consultationId: string,
  position: number,
  body: AttachmentBody,
  options: UploadAttachmentOptions,
): Promise<UploadedAttachment> {
  const headers: Record<string, string> = { ...(await transport.headers()), 'content-type': options.contentType };
  if (options.sha256) headers['content-digest'] = `sha-256=:${hexToBase64(options.sha256)}:`;
  let response: Response;
  try {
    response = await transport.fetch(
      hubPath(transport.url, `/attachments/consultations/${encodeURIComponent(consultationId)}/${position}`),
      {
        method: 'PUT',
        headers,
        body,
        signal: options.signal,
        // A stream body needs half-duplex in Node's fetch.
        ...(body instanceof Uint8Array ? {} : { duplex: 'half' }),
      },
    );
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason;
    throw new HubNetworkError('The attachment upload got no answer', { cause: error, attempts: 1 });
  }
  if (!response.ok) throw await refusal(response);
  return ((await response.json()) as { attachment: UploadedAttachment }).attachment;
}

/** GETs a signed download link (as `attachmentDownloadLink` gives it); the body streams. */
export async function downloadAttachment(
  transport: HttpTransport,
  link: string,
  signal?: AbortSignal,
): Promise<Response> {
  const response = await transport.fetch(hubPath(transport.url, link), { method: 'GET', signal });
  if (!response.ok) throw await refusal(response);
  return response;
}
