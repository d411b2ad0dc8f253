/**
 * The error codes a pcn-hub GraphQL response can carry in `errors[].extensions.code`.
 *
 * This union is the contract with clients: codes are never renamed or removed in a minor release.
 * A message accompanies each code for humans; it names ids and fields, never patient data.
 */
export const ERROR_CODES = [
  /** The input failed validation; `extensions.field` names the input path at fault. */
  'BAD_USER_INPUT',
  /** No credentials, or credentials that are missing, expired, forged or revoked. */
  'UNAUTHENTICATED',
  /** The actor is known but may not do this. */
  'FORBIDDEN',
  /** The object does not exist or is not visible to the actor (the two answer alike). */
  'NOT_FOUND',
  /** The change clashes with the current state: a duplicate, a held lock, a stale version. */
  'CONFLICT',
  /** The object's state does not allow this transition; `extensions.from` and `extensions.to` say which. */
  'INVALID_TRANSITION',
  /** The idempotency key was used before with different input. */
  'IDEMPOTENCY_KEY_REUSED',
  /** The patient gave no way to reach them (no mobile number, no e-mail address): a reply cannot be sent. */
  'NO_CONTACT_CHANNEL',
  /** An attachment is not released to staff yet (awaiting upload or a virus scan) or was rejected by the scan. */
  'ATTACHMENT_NOT_AVAILABLE',
  /** A signed download link is past its expiry (HTTP 410): ask for a new one. */
  'LINK_EXPIRED',
  /** The request document is too deep, too costly, has too many aliases or tokens. */
  'QUERY_TOO_COMPLEX',
  /** The request document could not be parsed. */
  'GRAPHQL_PARSE_FAILED',
  /** The request document is not valid against the schema. */
  'GRAPHQL_VALIDATION_FAILED',
  /** Automatic persisted queries: the hash is not known yet; send the query with it once (Apollo's APQ protocol). */
  'PERSISTED_QUERY_NOT_FOUND',
  /** Automatic persisted queries are not available for this request. */
  'PERSISTED_QUERY_NOT_SUPPORTED',
  /** The request body is larger than the server accepts. */
  'PAYLOAD_TOO_LARGE',
  /** Too many requests or failed sign-ins; HTTP 429, retry after `extensions.retryAfter` seconds (also the `Retry-After` header). */
  'RATE_LIMITED',
  /** A dependency (the database) is not available; the request may be retried. */
  'SERVICE_UNAVAILABLE',
  /** Anything unexpected; `extensions.correlationId` finds the detail in the server log. */
  'INTERNAL_SERVER_ERROR',
] as const;

/** One of {@link ERROR_CODES}. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** True when `value` is one of the codes in {@link ERROR_CODES}. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
