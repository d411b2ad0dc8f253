import { pluginAccessOf } from '../auth/plugin-scope.js';
import type { Role } from '../auth/roles.js';
import type { AuthenticatedContext } from '../context.js';
import { HubError } from '../errors.js';
import { toGlobalId, type Node } from './relay.js';

/**
 * How `node(id:)` fetches one type (each in its module's `*.node.ts`): through the roles and the
 * lookup of the type's own query, or, for a type whose visibility is not one query's roles, by its
 * own rules.
 */
export type NodeFetcher = QueryNodeFetcher | OwnRulesNodeFetcher;

/** `node(id:)` with the roles and the lookup of the type's own query. */
export interface QueryNodeFetcher {
  readonly roles: readonly Role[];
  /**
   * The type's own root fields (queries, and mutations naming it by id) a plugin could reach it
   * through: a plugin gets the type only when one is open to it (`@PluginScope`), whatever its
   * roles. None: never for plugins.
   */
  readonly pluginFields?: readonly string[];
  /** The type's own by-id lookup, given the global id; throws NOT_FOUND (or FORBIDDEN) like the query. */
  readonly fetch: (ctx: AuthenticatedContext, globalId: string) => Promise<Node>;
}

/**
 * `node(id:)` for a type that applies its visibility itself (an organisation any member of its PCN
 * sees, a patient whose read is audited): `find` answers null for anything the actor may not see.
 */
export interface OwnRulesNodeFetcher {
  /** Given the uuid inside the global id (already known to name this type). */
  readonly find: (ctx: AuthenticatedContext, id: string) => Promise<Node | null>;
}

/** Fetches `type:id` through the type's fetcher; an unknown type answers null. */
export async function fetchNodeOf(
  fetchers: Readonly<Record<string, NodeFetcher>>,
  ctx: AuthenticatedContext,
  type: string,
  id: string,
): Promise<Node | null> {
  const fetcher = Object.hasOwn(fetchers, type) ? fetchers[type] : undefined;
  if (!fetcher) return null;
  if ('find' in fetcher) return fetcher.find(ctx, id);
  return fetchNode(fetcher, ctx, toGlobalId(type, id));
}

/**
 * Runs a fetcher with the query's own rules: an actor without one of its roles, and an object
 * the query would refuse, both answer null (a foreign id looks like a missing one).
 */
export async function fetchNode(
  fetcher: QueryNodeFetcher,
  ctx: AuthenticatedContext,
  globalId: string,
): Promise<Node | null> {
  if (!mayUse(fetcher, ctx)) return null;
  try {
    return await fetcher.fetch(ctx, globalId);
  } catch (error) {
    if (error instanceof HubError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) return null;
    throw error;
  }
}

/** Staff by the query's roles; a plugin by its scopes alone, as the auth checker judges root fields. */
function mayUse(fetcher: QueryNodeFetcher, ctx: AuthenticatedContext): boolean {
  const plugin = ctx.actor.plugin;
  if (!plugin) return fetcher.roles.some((role) => ctx.actor.roles.has(role));
  return (fetcher.pluginFields ?? []).some((field) => {
    const access = pluginAccessOf(field);
    return access === 'SELF' || (access !== undefined && plugin.scopes.has(access));
  });
}
