import { randomBytes } from 'node:crypto';
import type DataLoader from 'dataloader';
import type { Actor } from './auth/actor.js';
import type { AttachmentSettings } from './config.js';
import { AuditLog } from './audit/audit.log.js';
import type { Em, Orm } from './db/orm.js';
import type { EventBus } from './events/event-bus.js';
import type { Logger } from './logger.js';

/** Everything a resolver may use for one request (or one subscription event). */
export interface RequestContext {
  readonly requestId: string;
  readonly actor: Actor | null;
  /** A fork of the ORM's EntityManager for this request only. */
  readonly em: Em;
  /**
   * Where plain SQL (`exec`) runs: the request's fork once it has one (its transaction, if open),
   * else the ORM's root manager, so a read that needs no unit of work never makes a fork.
   */
  readonly sqlEm: Em;
  readonly logger: Logger;
  readonly audit: AuditLog;
  /** Wake-up hints for live streams; call `hint` after the transaction that appended events commits. */
  readonly events: EventBus;
  /** The ORM, for work that outlives one EntityManager fork (live streams fork per read). */
  readonly orm: Orm;
  /** Settings the use cases read (from the configuration, `platform/config.ts`). */
  readonly settings: ServiceSettings;
  /** Per-request DataLoader, created on first use under `key`. */
  loader<K, V>(key: string, create: (ctx: RequestContext) => DataLoader<K, V>): DataLoader<K, V>;
}

/** The few configured values use cases need (the rest of the configuration stays with the platform). */
export interface ServiceSettings {
  /** WRITE_BACK_BACKFILL_DAYS: how far back blocked entries are re-planned when an agreement allows them. */
  readonly writeBackBackfillDays: number;
  /** ATTACHMENT_*: limits, scanning and download links of attachments. */
  readonly attachments: AttachmentSettings;
}

/** Settings when no configuration is at hand: the documented defaults. */
export const DEFAULT_SERVICE_SETTINGS: ServiceSettings = {
  writeBackBackfillDays: 14,
  attachments: {
    maxBytes: 20_971_520,
    contentTypes: ['image/jpeg', 'image/png', 'image/heic', 'image/heif', 'image/webp', 'application/pdf'],
    scanRequired: false,
    linkSeconds: 300,
    linkSecret: new Uint8Array(randomBytes(32)),
  },
};

/** The context of a request whose actor is known. */
export type AuthenticatedContext = RequestContext & { readonly actor: Actor };

/**
 * Builds a context; loaders are memoised per context. `em` may be given as a function: the fork is
 * then made on first use (the plain-SQL read paths of the hottest pages never need one).
 */
export function createRequestContext(
  fields: Omit<RequestContext, 'loader' | 'em' | 'sqlEm'> & { readonly em: Em | (() => Em) },
): RequestContext {
  const loaders = new Map<string, DataLoader<unknown, unknown>>();
  const { em: given, ...rest } = fields;
  const lazy: LazyEm = typeof given === 'function' ? { em: null, fork: given } : { em: given, fork: () => given };
  const ctx = Object.assign(Object.create(LAZY_EM_GETTERS) as RequestContext, rest, {
    lazyEm: lazy,
    loader<K, V>(key: string, create: (c: RequestContext) => DataLoader<K, V>): DataLoader<K, V> {
      let loader = loaders.get(key) as DataLoader<K, V> | undefined;
      if (!loader) {
        loader = create(ctx);
        loaders.set(key, loader);
      }
      return loader;
    },
  });
  return ctx;
}

interface LazyEm {
  em: Em | null;
  readonly fork: () => Em;
}

/**
 * `em` and `sqlEm` as getters on the context's prototype, over state held in an own property:
 * Apollo Server hands resolvers a copy of the context (`Object.assign` onto the same prototype),
 * which copies own properties and would call own getters, forking for every request. The copy
 * shares the state, so the original and the copy see one fork, made on first use.
 */
const LAZY_EM_GETTERS = Object.create(Object.prototype, {
  em: {
    get(this: { lazyEm: LazyEm }): Em {
      this.lazyEm.em ??= this.lazyEm.fork();
      return this.lazyEm.em;
    },
  },
  sqlEm: {
    get(this: { lazyEm: LazyEm; orm: Orm }): Em {
      return this.lazyEm.em ?? this.orm.em;
    },
  },
}) as object;

/**
 * A fresh scope for one unit of work inside a long-lived operation (a subscription event): its own
 * EntityManager fork, loaders and audit log; same actor, request id and shared services.
 */
export function forkContext(ctx: RequestContext): RequestContext {
  return createRequestContext({
    requestId: ctx.requestId,
    actor: ctx.actor,
    em: ctx.orm.em.fork(),
    logger: ctx.logger,
    audit: new AuditLog(ctx.actor, ctx.requestId),
    events: ctx.events,
    orm: ctx.orm,
    settings: ctx.settings,
  });
}
