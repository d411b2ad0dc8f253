/** How a retry backs off: `baseMs` before the second attempt, doubling up to `maxMs`. */
export interface Backoff {
  readonly baseMs: number;
  readonly maxMs: number;
  /**
   * "Equal jitter" (the default): half the delay fixed, half random, so that callers failing
   * together do not retry together. Off for a single caller on its own schedule (a poller).
   */
  readonly jitter?: boolean;
  /** For tests. */
  readonly random?: () => number;
}

/**
 * The one backoff of the whole repository (the API's outboxes and channels, the SDK client, the
 * plugins, the web app): the delay in milliseconds after `attempt` failed attempts (1 = the first
 * failed), exponential from `baseMs`, capped at `maxMs`.
 */
export function backoffDelay(attempt: number, backoff: Backoff): number {
  const ceiling = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.min(Math.max(attempt - 1, 0), 30));
  if (backoff.jitter === false) return ceiling;
  return Math.round(ceiling / 2 + (backoff.random ?? Math.random)() * (ceiling / 2));
}
