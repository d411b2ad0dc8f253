import { HubApiError, HubNetworkError, type HubGraphQLError } from './client.errors.js';
import type { OperationInfo, Variables } from './client.operation.js';
import { retryDelay, RETRYABLE_STATUSES, retryAfterMs, sleep, type RetryPolicy } from './client.retry.js';

/** What the HTTP transport needs from the client. */
export interface HttpTransport {
  readonly url: string;
  /** Headers of every request: credentials and caller hints (read per attempt: a token may be refreshed). */
  readonly headers: () => Promise<Record<string, string>>;
  readonly fetch: typeof globalThis.fetch;
  readonly retry: RetryPolicy;
  /** Longest wait for one attempt's answer; longer counts as a network failure. */
  readonly timeoutMs: number;
}

interface GraphQLBody {
  readonly data?: unknown;
  readonly errors?: readonly HubGraphQLError[];
}

function parseBody(text: string): GraphQLBody | null {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? parsed : null;
  } catch {
    return null;
  }
}

/** One HTTP exchange: the answer, or the transport failure (connection refused or dropped, timeout). */
async function attemptOnce(
  transport: HttpTransport,
  payload: string,
  signal: AbortSignal | undefined,
): Promise<
  { ok: true; status: number; retryAfter: string | null; body: GraphQLBody | null } | { ok: false; error: unknown }
> {
  const timeout = AbortSignal.timeout(transport.timeoutMs);
  try {
    const response = await transport.fetch(transport.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(await transport.headers()),
      },
      body: payload,
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    // Reading the body can fail too (the connection dropped mid-answer): same as no answer.
    const text = await response.text();
    return {
      ok: true,
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      body: parseBody(text),
    };
  } catch (error) {
    // The caller's own abort is not a transport failure: it ends the call as it is.
    if (signal?.aborted) throw signal.reason;
    return { ok: false, error };
  }
}

/**
 * Sends one operation over HTTP, retrying only what is safe: network failures, 429 (after its
 * Retry-After), 502/503/504 and `SERVICE_UNAVAILABLE`, and only when `retrySafe` (a query, or a
 * mutation carrying idempotency keys), with jittered exponential backoff and a bounded number of
 * attempts. Returns `data`; throws {@link HubApiError} when the answer carries errors and
 * {@link HubNetworkError} when no answer came.
 */
export async function executeHttp<TResult>(
  transport: HttpTransport,
  info: OperationInfo,
  variables: Variables | undefined,
  retrySafe: boolean,
  signal?: AbortSignal,
): Promise<TResult> {
  const payload = JSON.stringify({
    query: info.text,
    variables: variables ?? {},
    ...(info.name ? { operationName: info.name } : {}),
  });
  const attempts = retrySafe ? transport.retry.attempts : 1;
  for (let attempt = 1; ; attempt += 1) {
    const outcome = await attemptOnce(transport, payload, signal);
    const last = attempt >= attempts;
    if (!outcome.ok) {
      if (last) {
        const unknownOutcome =
          info.kind === 'mutation' && !retrySafe
            ? ' (not retried: without an idempotency key its outcome is unknown)'
            : '';
        throw new HubNetworkError(`No answer from the hub after ${attempt} attempt(s)${unknownOutcome}`, {
          cause: outcome.error,
          attempts: attempt,
        });
      }
      await sleep(retryDelay(transport.retry, attempt), signal);
      continue;
    }
    const { status, body } = outcome;
    const errors: readonly HubGraphQLError[] = Array.isArray(body?.errors) ? body.errors : [];
    const unavailable =
      RETRYABLE_STATUSES.has(status) || errors.some((error) => error.extensions?.code === 'SERVICE_UNAVAILABLE');
    if (unavailable && !last) {
      const after = retryAfterMs(outcome.retryAfter);
      // A Retry-After beyond our longest delay: give the caller the answer now rather than hang.
      if (after === null || after <= transport.retry.maxDelayMs) {
        await sleep(Math.max(after ?? 0, retryDelay(transport.retry, attempt)), signal);
        continue;
      }
    }
    if (errors.length > 0) throw new HubApiError(errors, { status, data: body?.data });
    if (status < 200 || status >= 300 || body?.data == null) {
      throw new HubApiError([], { status, message: `The hub answered HTTP ${status} without a GraphQL result` });
    }
    return body.data as TResult;
  }
}
