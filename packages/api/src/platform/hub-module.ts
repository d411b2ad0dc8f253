import type { Options } from '@mikro-orm/core';
import type { Em } from './db/orm.js';
import type { NodeFetcher } from './graphql/node-fetcher.js';

/** An entity the ORM maps (a `defineEntity` class). */
export type EntityDefinition = NonNullable<Options['entities']>[number];

/** A type-graphql resolver class (its decorators make it one). */
export type ResolverClass = abstract new (...args: never[]) => unknown;

/**
 * The demo PCN a module's seed builds on (ids only): its organisations and staff already exist
 * when the module seeds run, inside the demo seed's one transaction on an empty database.
 */
export interface DemoPcn {
  readonly now: Date;
  readonly pcn: { readonly id: string; readonly odsCode: string };
  readonly hub: { readonly id: string; readonly odsCode: string };
  readonly practices: readonly { readonly id: string; readonly odsCode: string }[];
  readonly staff: readonly { readonly id: string; readonly username: string }[];
}

/**
 * What a module brings to the hub, exported by its `index.ts` (docs/architecture.md#adding-a-module).
 * The composition root (`src/modules.ts`) lists the modules once; the ORM's entity list, the
 * schema's resolvers, the `node(id:)` fetchers and the demo seed are derived from that list, so
 * the platform never imports a module.
 */
export interface HubModule {
  /** The module's folder name under `modules/`. */
  readonly name: string;
  /** Every entity the module owns; the ORM maps these and the platform's own. */
  readonly entities: readonly EntityDefinition[];
  /** Every type-graphql resolver class of the module (field resolvers and subscriptions included). */
  readonly resolvers: readonly ResolverClass[];
  /** One fetcher per `Node` type the module owns, keyed by GraphQL type name (`*.node.ts`). */
  readonly nodeFetchers?: Readonly<Record<string, NodeFetcher>>;
  /** The module's share of the demo PCN; runs in the composition root's module order. */
  readonly seed?: (em: Em, demo: DemoPcn) => Promise<void>;
}
