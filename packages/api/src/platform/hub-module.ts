import type { Options } from '@mikro-orm/core';
import type { Config } from './config.js';
import type { Em, Orm } from './db/orm.js';
import type { EventBus } from './events/event-bus.js';
import type { NodeFetcher } from './graphql/node-fetcher.js';
import type { Logger } from './logger.js';

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
  /**
   * Background workers: the API process runs those its configuration enables, and `pnpm worker`
   * runs them alone (beside API processes that turned them off).
   */
  readonly workers?: readonly ModuleWorker[];
  /** Told of every plugin delivery the webhook worker gives up on, to mark its own outbox row. */
  readonly onPluginDeliveryGivenUp?: (orm: Orm, delivery: GivenUpPluginDelivery) => Promise<void>;
}

/** A plugin webhook delivery given up on (dead-lettered, or withheld): ids only. */
export interface GivenUpPluginDelivery {
  readonly eventId: number;
  readonly eventType: string;
  readonly organisationId: string;
}

/** What a module's worker starts with: the process's shared services. */
export interface WorkerContext {
  readonly orm: Orm;
  readonly bus: EventBus;
  readonly config: Config;
  readonly logger: Logger;
  /** Wait before the first sweep of the backlog (in the API process, the first requests come first). */
  readonly firstSweepDelayMs: number;
  /** Every module's `onPluginDeliveryGivenUp`, in the composition root's order. */
  readonly pluginDeliveryGivenUp: (delivery: GivenUpPluginDelivery) => Promise<void>;
  /** What the process was started with for one worker, by worker name (an app's in-process plugins). */
  readonly startOptions: Readonly<Record<string, unknown>>;
}

/** A running worker: stops taking work, waits up to `graceMs` for what is in flight. */
export interface RunningWorker {
  readonly id?: string;
  stop(graceMs: number): Promise<void>;
}

/** A module's background worker, as its descriptor lists it. */
export interface ModuleWorker {
  /** Unique across modules; names the worker in logs and in `startOptions`. */
  readonly name: string;
  /** Whether the API process runs it (`pnpm worker` runs every worker). */
  readonly inApi: (config: Config) => boolean;
  readonly start: (context: WorkerContext) => RunningWorker;
}

/**
 * Starts `workers` (in order) and returns them by name; `stopWorkers` stops them in reverse.
 * The composition root passes every module's workers (`MODULE_WORKERS`).
 */
export function startWorkers(
  workers: readonly ModuleWorker[],
  context: WorkerContext,
): ReadonlyMap<string, RunningWorker> {
  const running = new Map<string, RunningWorker>();
  for (const worker of workers) running.set(worker.name, worker.start(context));
  return running;
}

/** Stops running workers, the last started first, each with up to `graceMs` for work in flight. */
export async function stopWorkers(running: ReadonlyMap<string, RunningWorker>, graceMs: number): Promise<void> {
  for (const worker of [...running.values()].reverse()) await worker.stop(graceMs);
}
