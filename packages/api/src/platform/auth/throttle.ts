import { HeaderMap } from '@apollo/server';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Config } from '../config.js';
import { HubError } from '../errors.js';
import type { Logger } from '../logger.js';

const WINDOW_SECONDS = 60;

/** What a failed authentication did to the counters: whether to audit it, and whether it is now blocked. */
export interface FailureCount {
  /** The first failure of the window, or the one that reached the limit: these are audited (sampled). */
  readonly sample: boolean;
  /** Failures from this address in the current window. */
  readonly count: number;
}

/**
 * Throttling with rate-limiter-flexible: failed authentications per client address and per API
 * key prefix, and requests per authenticated principal, each per minute. Counters live in Redis
 * when REDIS_URL is set (shared by every API process), in process memory otherwise; when Redis
 * is unreachable the in-memory counters stand in (the limiter's insurance), so an outage neither
 * opens the door nor refuses everyone.
 */
export interface Throttle {
  /** Seconds to wait when this address or key prefix has failed too often; null when free. */
  authBlocked(address: string, credential: string | undefined): Promise<number | null>;
  authFailed(address: string, credential: string | undefined): Promise<FailureCount>;
  /** Seconds to wait when the principal has sent too many requests; null when free (counts one). */
  request(principal: string): Promise<number | null>;
  close(): Promise<void>;
}

/** `pcnhub_<key id>` of an API key: the part an attacker cannot vary without changing the key it tries. */
function keyPrefix(credential: string | undefined): string | null {
  const match = /^(pcnhub_[A-Za-z0-9-]{1,64})_/.exec(credential ?? '');
  return match ? match[1]! : null;
}

function limiter(points: number, prefix: string, redis: Redis | null): RateLimiterAbstract | null {
  if (points === 0) return null;
  const memory = new RateLimiterMemory({ points, duration: WINDOW_SECONDS, keyPrefix: prefix });
  if (!redis) return memory;
  return new RateLimiterRedis({
    storeClient: redis,
    points,
    duration: WINDOW_SECONDS,
    keyPrefix: `pcnhub:rl:${prefix}`,
    rejectIfRedisNotReady: true,
    insuranceLimiter: memory,
  });
}

async function consume(limit: RateLimiterAbstract | null, key: string): Promise<RateLimiterRes | null> {
  if (!limit) return null;
  try {
    return await limit.consume(key);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return rejection;
    throw rejection;
  }
}

async function blockedFor(limit: RateLimiterAbstract | null, key: string | null): Promise<number | null> {
  if (!limit || key === null) return null;
  const res = await limit.get(key).catch(() => null);
  return res && res.consumedPoints > limit.points ? Math.max(1, Math.ceil(res.msBeforeNext / 1000)) : null;
}

export function createThrottle(config: Config, logger: Logger): Throttle {
  const redis = config.redisUrl
    ? new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false })
    : null;
  // ioredis reports failed reconnects here; the insurance limiter covers the gap.
  redis?.on('error', (error: Error) => logger.debug({ err: error.message }, 'rate limiter store unavailable'));
  const { authFailuresPerAddress, authFailuresPerKeyPrefix, requestsPerPrincipal } = config.rateLimits;
  const byAddress = limiter(authFailuresPerAddress, 'auth-address', redis);
  const byKeyPrefix = limiter(authFailuresPerKeyPrefix, 'auth-key', redis);
  const byPrincipal = limiter(requestsPerPrincipal, 'requests', redis);

  return {
    async authBlocked(address, credential) {
      return (await blockedFor(byAddress, address)) ?? (await blockedFor(byKeyPrefix, keyPrefix(credential)));
    },
    async authFailed(address, credential) {
      const prefix = keyPrefix(credential);
      const [res] = await Promise.all([consume(byAddress, address), prefix ? consume(byKeyPrefix, prefix) : null]);
      const count = res?.consumedPoints ?? 1;
      return { count, sample: count === 1 || count === authFailuresPerAddress + 1 };
    },
    async request(principal) {
      const res = await consume(byPrincipal, principal);
      return res && res.remainingPoints <= 0 && res.consumedPoints > requestsPerPrincipal
        ? Math.max(1, Math.ceil(res.msBeforeNext / 1000))
        : null;
    },
    async close() {
      redis?.disconnect();
    },
  };
}

/** The answer to a throttled request: HTTP 429 with Retry-After, code RATE_LIMITED. */
export function rateLimited(retryAfterSeconds: number): HubError {
  return new HubError('RATE_LIMITED', `Too many requests; retry after ${retryAfterSeconds} s`, {
    retryAfter: retryAfterSeconds,
    http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
  });
}
