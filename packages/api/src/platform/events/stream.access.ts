import type { Actor } from '../auth/actor.js';

/** How long an "account still active" answer is trusted before it is asked again. */
export const ACCOUNT_RECHECK_MS = 30_000;

/**
 * The per-event check every live stream runs (pass it as `subscribeStream`'s `authorize`): the
 * module's own rule, then the token's expiry, then (at most every {@link ACCOUNT_RECHECK_MS}) that
 * the account has not been disabled since the socket connected.
 */
export function streamAuthorizer(options: {
  readonly actor: Actor;
  /** The module's rule: may this actor still follow this stream? */
  readonly allowed: () => boolean;
  /** False once the account is disabled; true for actors without an account row. */
  readonly accountActive: (actorId: string) => Promise<boolean>;
  readonly now?: () => number;
}): () => Promise<boolean> {
  const { actor, allowed, accountActive } = options;
  const now = options.now ?? Date.now;
  let checkedAt = Number.NEGATIVE_INFINITY;
  return async () => {
    if (!allowed()) return false;
    if (actor.expiresAt && actor.expiresAt.getTime() <= now()) return false;
    // A plugin's key, enablement and scope are re-read for every event: revocation is immediate.
    if (actor.stillAllowed) return actor.stillAllowed('events:read');
    if (now() - checkedAt < ACCOUNT_RECHECK_MS) return true;
    if (!(await accountActive(actor.id))) return false;
    checkedAt = now();
    return true;
  };
}
