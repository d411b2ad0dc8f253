import { backoffDelay } from '@pcn-hub/schema/backoff';
/** How the client retries safe failures. Every field has a default. */
export interface RetryOptions {
  /** Attempts in all, the first included; 1 turns retries off. Default 4. */
  readonly attempts?: number;
  /** Delay before the second attempt; doubles per attempt, jittered. Default 200 ms. */
  readonly baseDelayMs?: number;
  /** Longest delay between attempts; a Retry-After longer than this ends the retries. Default 10,000 ms. */
  readonly maxDelayMs?: number;
}

/** {@link RetryOptions} with its defaults applied. */
export interface RetryPolicy {
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/** Applies the defaults; rejects nonsense early rather than retrying forever or never. */
export function retryPolicy(options: RetryOptions = {}): RetryPolicy {
  const policy = {
    attempts: options.attempts ?? 4,
    baseDelayMs: options.baseDelayMs ?? 200,
    maxDelayMs: options.maxDelayMs ?? 10_000,
  };
  if (!Number.isInteger(policy.attempts) || policy.attempts < 1)
    throw new RangeError('retry.attempts must be a whole number of at least 1');
  if (!(policy.baseDelayMs >= 0) || !(policy.maxDelayMs >= policy.baseDelayMs)) {
    throw new RangeError('retry.baseDelayMs must be >= 0 and retry.maxDelayMs >= retry.baseDelayMs');
  }
  return policy;
}

/**
 * Delay before attempt `attempt + 1` (after `attempt` failures): exponential, capped, with "equal
 * jitter" (half fixed, half random) so that clients failing together do not retry together.
 */
export function retryDelay(
  policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>,
  attempt: number,
  random: () => number = Math.random,
): number {
  return backoffDelay(attempt, { baseMs: policy.baseDelayMs, maxMs: policy.maxDelayMs, random });
}

/** A Retry-After header (delta seconds or an HTTP date) in milliseconds from `now`; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | null {
  if (header === null || header.trim() === '') return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** HTTP statuses that mean "not processed, try again": a gateway or the hub is briefly unavailable, or rate limiting. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

/** Waits `ms`, or rejects with the signal's reason when it aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal!.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
