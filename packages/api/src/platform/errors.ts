import { randomUUID } from 'node:crypto';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import {
  NotFoundError,
  OptimisticLockError,
  UniqueConstraintViolationException,
  ForeignKeyConstraintViolationException,
  NotNullConstraintViolationException,
  ConnectionException,
} from '@mikro-orm/core';
import { isErrorCode, type ErrorCode } from '@pcn-hub/schema';
import type { Logger } from './logger.js';

/** Extra facts a client can act on; never patient data. */
export interface HubErrorExtensions {
  readonly field?: string;
  readonly from?: string;
  readonly to?: string;
  readonly id?: string;
  readonly [key: string]: unknown;
}

/**
 * The one error type services throw. Its code is part of the contract (`@pcn-hub/schema`);
 * its message names ids and fields, never patient data.
 */
export class HubError extends GraphQLError {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, extensions: HubErrorExtensions = {}) {
    super(message, { extensions: { ...extensions, code } });
    this.code = code;
    this.name = 'HubError';
  }
}

/** Situation-named factories shared by every module. */
export const Errors = {
  badInput: (field: string, message: string) => new HubError('BAD_USER_INPUT', message, { field }),
  unauthenticated: (message = 'Authentication required') => new HubError('UNAUTHENTICATED', message),
  forbidden: (message = 'Not allowed') => new HubError('FORBIDDEN', message),
  notFound: (type: string, id: string) => new HubError('NOT_FOUND', `${type} ${id} not found`, { id }),
  conflict: (message: string, extensions: HubErrorExtensions = {}) => new HubError('CONFLICT', message, extensions),
  invalidTransition: (type: string, id: string, from: string, to: string) =>
    new HubError('INVALID_TRANSITION', `${type} ${id} cannot go from ${from} to ${to}`, { id, from, to }),
  idempotencyKeyReused: () =>
    new HubError('IDEMPOTENCY_KEY_REUSED', 'The idempotency key was used before with different input', {
      field: 'input.idempotencyKey',
    }),
} as const;

/** Turns a database or ORM failure into a contract error, or null when it is not one we know. */
export function mapKnownError(error: unknown): HubError | null {
  if (error instanceof HubError) return error;
  if (error instanceof UniqueConstraintViolationException) {
    return new HubError('CONFLICT', 'The change conflicts with an existing record');
  }
  if (error instanceof OptimisticLockError) {
    return new HubError('CONFLICT', 'The record was changed by someone else; reload and try again');
  }
  if (error instanceof NotFoundError) return new HubError('NOT_FOUND', 'Not found');
  if (error instanceof ForeignKeyConstraintViolationException) {
    return new HubError('BAD_USER_INPUT', 'A referenced record does not exist');
  }
  if (error instanceof NotNullConstraintViolationException) {
    return new HubError('BAD_USER_INPUT', 'A required value is missing');
  }
  if (error instanceof ConnectionException) {
    return new HubError('SERVICE_UNAVAILABLE', 'The database is not reachable; try again');
  }
  return null;
}

/** A framework GraphQLError (no thrown cause) with no code of its own and an HTTP 4xx status. */
function isUncodedRequestError(error: unknown): boolean {
  if (!(error instanceof GraphQLError) || error.originalError || error.extensions.code !== undefined) return false;
  // graphql-js's own request errors: variable coercion (and its "too many errors" cut-off), an
  // operation it cannot identify. No resolver ran; the client sent something wrong.
  if (
    /^(Too many errors processing variables|Variable "\$|Unknown operation named|Must provide operation name|Must provide an operation)/.test(
      error.message,
    )
  )
    return true;
  const status = (error.extensions.http as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/** `extensions.http` sets the response's status and headers; it is not for the client's eyes. */
function withoutHttp(extensions: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const { http: _http, ...rest } = extensions;
  return rest;
}

const PASSTHROUGH_CODES = new Set<string>([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/**
 * Apollo `formatError`: known errors keep their code and message; everything else is masked as
 * INTERNAL_SERVER_ERROR with a correlation id, and the detail goes to the log only.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
    // Apollo re-codes every validation error GRAPHQL_VALIDATION_FAILED; our limit rule's code is the contract.
    if (original instanceof GraphQLError && original.extensions.code === 'QUERY_TOO_COMPLEX') {
      return {
        message: original.message,
        locations: formatted.locations,
        extensions: withoutHttp(original.extensions),
      };
    }
    const mapped = mapKnownError(original);
    if (mapped) {
      return {
        message: mapped.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: withoutHttp(mapped.extensions),
      };
    }
    if (isUncodedRequestError(error)) {
      // Apollo answers some bad requests (a persisted-query hash that does not match its query) with
      // a 4xx status but no code; they are the client's mistake, not the hub's.
      return { message: scrubValues(formatted.message), extensions: { code: 'BAD_USER_INPUT' } };
    }
    const code = formatted.extensions?.code;
    if (
      typeof code === 'string' &&
      (PASSTHROUGH_CODES.has(code) || (isErrorCode(code) && code !== 'INTERNAL_SERVER_ERROR'))
    ) {
      // Apollo's own input errors (parse, validation, variable coercion) are safe to show, minus stack traces.
      const { stacktrace: _dropped, ...extensions } = formatted.extensions ?? {};
      // Apollo's request-shape codes are the client's input mistakes in the hub's contract.
      const normalised = code === 'BAD_REQUEST' || code === 'OPERATION_RESOLUTION_FAILURE' ? 'BAD_USER_INPUT' : code;
      const field =
        typeof extensions.field === 'string'
          ? extensions.field
          : code === 'OPERATION_RESOLUTION_FAILURE'
            ? 'operationName'
            : fieldFromMessage(formatted.message);
      return {
        ...formatted,
        message: scrubValues(formatted.message),
        extensions: { ...extensions, code: normalised, ...(field ? { field } : {}) },
      };
    }
    const correlationId = randomUUID();
    logger.error({ err: original, correlationId, path: formatted.path }, 'unhandled error');
    return {
      message: `Internal server error (correlation id ${correlationId})`,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId },
    };
  };
}

/**
 * graphql-js echoes rejected values in coercion and validation messages ("Variable "$x" got invalid
 * value "943..."", "Expected value of type X, found "943..."", "cannot represent ...: 943"). Those
 * may be patient data, so values are cut out; the input path stays.
 */
export function scrubValues(message: string): string {
  return message
    .replace(/got invalid value [\s\S]*?( at "[^"]*")?(;|$)/, 'got invalid value$1$2')
    .replace(/found [\s\S]*?(;|\.$|$)/, 'found an invalid value$1')
    .replace(/(is not a valid [\w ]+?)\s*:[\s\S]*$/, '$1')
    .replace(/(cannot represent an invalid [\w-]+)[\s\S]*$/, '$1')
    .replace(/(cannot represent[^:]*):[\s\S]*$/, '$1.');
}

/** The input path named by a graphql-js coercion message, e.g. "input.nhsNumber". */
export function fieldFromMessage(message: string): string | undefined {
  const variable = /Variable "\$(\w+)" got invalid value[\s\S]*? at "\1\.([^"]+)"/.exec(message);
  if (variable) return `${variable[1]}.${variable[2]}`;
  const whole = /Variable "\$(\w+)" got invalid value/.exec(message);
  return whole?.[1];
}
