import { decodeJwt } from 'jose';
import { normaliseOdsCode } from '@pcn-hub/schema';
import type { Orm } from '../db/orm.js';
import { AuditEvent } from '../audit/audit-event.entity.js';
import { HubError } from '../errors.js';
import { uuidv7 } from '../ids.js';
import type { Logger } from '../logger.js';
import type { Actor } from './actor.js';
import type { Authenticator, CallerHints } from './authenticate.js';
import { metrics } from '../observability/metrics.js';
import { rateLimited, type Throttle } from './throttle.js';

/** Everything one request or socket presents to be let in. */
export interface CallerCredentials {
  readonly authorization: string | undefined;
  /** Raw `x-pcn-hub-organisation` / `x-pcn-hub-on-behalf-of` (or their connection_init twins). */
  readonly organisation: unknown;
  readonly onBehalfOf: unknown;
  /** The client's network address (throttling key, never logged or audited). */
  readonly address: string;
  readonly requestId: string;
}

const ODS_HINT = /^[A-Z0-9]{3,12}$/;
const USERNAME_HINT = /^[A-Za-z0-9._@-]{1,100}$/;

/**
 * A refusal the authenticator has already written to the audit trail itself (a known plugin
 * key that is revoked, suspended or not enabled): the caller does not sample it again.
 */
export class AuditedRefusal extends HubError {}

function badHeader(field: string, message: string): HubError {
  return new HubError('BAD_USER_INPUT', message, { field, http: { status: 400 } });
}

/** Header hints checked before any use: an ODS code and a staff username, or nothing. */
export function parseHints(organisation: unknown, onBehalfOf: unknown, requestId: string): CallerHints {
  let org: string | null = null;
  if (organisation !== undefined && organisation !== null && organisation !== '') {
    const normalised = typeof organisation === 'string' ? normaliseOdsCode(organisation) : '';
    if (!ODS_HINT.test(normalised))
      throw badHeader('x-pcn-hub-organisation', 'x-pcn-hub-organisation must be an ODS code');
    org = normalised;
  }
  let behalf: string | null = null;
  if (onBehalfOf !== undefined && onBehalfOf !== null && onBehalfOf !== '') {
    if (typeof onBehalfOf !== 'string' || !USERNAME_HINT.test(onBehalfOf.trim())) {
      throw badHeader('x-pcn-hub-on-behalf-of', 'x-pcn-hub-on-behalf-of must be a staff username');
    }
    behalf = onBehalfOf.trim();
  }
  return { organisation: org, onBehalfOf: behalf, requestId };
}

/** The organisation a refused credential aimed at, for the audit row: the header hint, or a token's unverified `org`. */
function targetedOrganisation(credential: string, hints: CallerHints): string | null {
  if (hints.organisation) return hints.organisation;
  try {
    const org = decodeJwt(credential).org;
    return typeof org === 'string' && ODS_HINT.test(org) ? org : null;
  } catch {
    return null;
  }
}

/**
 * The front door for HTTP requests and graphql-ws sockets alike: header hints validated, failed
 * authentication throttled per address and key prefix (and sampled into the audit: the first
 * failure of a window and the one that reaches the limit, never one row per attempt), and
 * requests throttled per principal.
 */
export function createCallerAuthentication(deps: {
  readonly authenticator: Authenticator;
  readonly throttle: Throttle;
  readonly orm: Orm;
  readonly logger: Logger;
}) {
  const { authenticator, throttle, orm, logger } = deps;

  async function auditRefusal(credential: string, hints: CallerHints, error: HubError, count: number): Promise<void> {
    try {
      await orm.em.fork().insertMany(AuditEvent, [
        {
          id: uuidv7(),
          at: new Date(),
          actorId: 'anonymous',
          actorType: 'ANONYMOUS',
          organisationOds: targetedOrganisation(credential, hints),
          action: 'authenticate',
          subjectType: 'Credential',
          subjectId: null,
          patientId: null,
          outcome: 'DENIED',
          requestId: hints.requestId ?? null,
          reason: `${error.message} (${count} failed in this minute from the same address)`.slice(0, 500),
          onBehalfOf: null,
        },
      ]);
    } catch (failure) {
      logger.error({ err: failure, requestId: hints.requestId }, 'could not audit a refused credential');
    }
  }

  return async function authenticateCaller(input: CallerCredentials): Promise<Actor | null> {
    const hints = parseHints(input.organisation, input.onBehalfOf, input.requestId);
    const header = input.authorization;
    if (header === undefined || header === '') return null;
    const credential = header.replace(/^Bearer\s+/i, '').trim();
    // An address or key prefix that failed too often: API keys (a database read each) are refused
    // unread; a token is still verified (local work), so staff behind one shared address whose
    // neighbour misbehaves keep working, and a failed one is answered 429.
    const blocked = await throttle.authBlocked(input.address, credential);
    if (blocked !== null && authenticator.isApiKey(credential)) {
      metrics.rateLimited.inc({ limit: 'auth_failures' });
      throw rateLimited(blocked);
    }
    let actor: Actor | null;
    try {
      actor = await authenticator.fromHeader(header, () => orm.em.fork(), hints);
    } catch (error) {
      metrics.authFailures.inc({ kind: authenticator.isApiKey(credential) ? 'api_key' : 'token' });
      if (blocked !== null) {
        metrics.rateLimited.inc({ limit: 'auth_failures' });
        throw rateLimited(blocked);
      }
      if (error instanceof HubError && (error.code === 'UNAUTHENTICATED' || error.code === 'FORBIDDEN')) {
        const { sample, count } = await throttle.authFailed(input.address, credential);
        if (sample && !(error instanceof AuditedRefusal)) await auditRefusal(credential, hints, error, count);
      }
      throw error;
    }
    if (actor) {
      const wait = await throttle.request(`${actor.kind}:${actor.plugin?.keyId ?? actor.id}:${actor.organisationOds}`);
      if (wait !== null) {
        metrics.rateLimited.inc({ limit: 'requests' });
        throw rateLimited(wait);
      }
    }
    return actor;
  };
}

export type CallerAuthentication = ReturnType<typeof createCallerAuthentication>;
