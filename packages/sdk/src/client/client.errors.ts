import { isErrorCode, type ErrorCode } from '@pcn-hub/schema';

/** One GraphQL error as the hub sends it: `extensions.code` is one of {@link ErrorCode}. */
export interface HubGraphQLError {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly locations?: readonly { readonly line: number; readonly column: number }[];
  readonly extensions?: Readonly<Record<string, unknown>> & { readonly code?: string; readonly field?: string };
}

/** What an HTTP status means when the hub (or a proxy before it) answered without GraphQL errors. */
function codeForStatus(status: number | undefined): ErrorCode {
  switch (status) {
    case 400:
      return 'BAD_USER_INPUT';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 429:
    case 502:
    case 503:
    case 504:
      return 'SERVICE_UNAVAILABLE';
    default:
      return 'INTERNAL_SERVER_ERROR';
  }
}

/**
 * The hub refused or failed an operation: thrown whenever a response carries `errors` (partial
 * data included), or an HTTP status without a GraphQL answer. `code` is the first error's
 * `extensions.code` (a code this SDK does not know becomes `INTERNAL_SERVER_ERROR`; the raw value
 * stays in {@link HubApiError.errors}). Messages carry ids, never patient data.
 */
export class HubApiError extends Error {
  /** The first error's code, e.g. `BAD_USER_INPUT`, `FORBIDDEN`, `NOT_FOUND`. */
  readonly code: ErrorCode;
  /** For `BAD_USER_INPUT`: the input path at fault, e.g. `input.nhsNumber`. */
  readonly field: string | undefined;
  /** The response path of the first error, when it came from a field. */
  readonly path: readonly (string | number)[] | undefined;
  /** Every error of the response, as sent. */
  readonly errors: readonly HubGraphQLError[];
  /** The HTTP status, when the error came over HTTP. */
  readonly status: number | undefined;
  /** Partial data sent alongside the errors, if any. */
  readonly data: unknown;

  /** Builds an error from a response's `errors` (at least one) or, with none, from its HTTP status. */
  constructor(errors: readonly HubGraphQLError[], options: { status?: number; data?: unknown; message?: string } = {}) {
    const first = errors[0];
    super(first?.message ?? options.message ?? `The hub answered HTTP ${options.status ?? 'error'}`);
    this.name = 'HubApiError';
    const raw = first?.extensions?.code;
    this.code = first ? (isErrorCode(raw) ? raw : 'INTERNAL_SERVER_ERROR') : codeForStatus(options.status);
    this.field = typeof first?.extensions?.field === 'string' ? first.extensions.field : undefined;
    this.path = first?.path;
    this.errors = errors;
    this.status = options.status;
    this.data = options.data ?? null;
  }
}

/** True when `error` is a {@link HubApiError}, and when `code` is given, one with that code. */
export function isHubApiError(error: unknown, code?: ErrorCode): error is HubApiError {
  return error instanceof HubApiError && (code === undefined || error.code === code);
}

/**
 * The hub could not be reached, or the connection failed before an answer arrived, on every
 * attempt allowed. An operation that was not retry-safe (a mutation without an idempotency key)
 * is attempted once: whether it took effect is then unknown.
 */
export class HubNetworkError extends Error {
  /** How many attempts were made. */
  readonly attempts: number;

  /** Wraps the last transport failure (`cause`). */
  constructor(message: string, options: { cause: unknown; attempts: number }) {
    super(message, { cause: options.cause });
    this.name = 'HubNetworkError';
    this.attempts = options.attempts;
  }
}
