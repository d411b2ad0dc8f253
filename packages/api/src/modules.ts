import type {
  EntityDefinition,
  GivenUpPluginDelivery,
  HubModule,
  ModuleWorker,
  ResolverClass,
} from './platform/hub-module.js';
import type { Orm } from './platform/db/orm.js';
import type { NodeFetcher } from './platform/graphql/node-fetcher.js';
import { organisationsModule } from './modules/organisations/index.js';
import { patientsModule } from './modules/patients/index.js';
import { hubServicesModule } from './modules/hub-services/index.js';
import { inboxModule } from './modules/inbox/index.js';
import { consultationsModule } from './modules/consultations/index.js';
import { writeBackModule } from './modules/write-back/index.js';
import { prescribingModule } from './modules/prescribing/index.js';
import { repliesModule } from './modules/replies/index.js';
import { referralsModule } from './modules/referrals/index.js';
import { appointmentsModule } from './modules/appointments/index.js';
import { pluginsModule } from './modules/plugins/index.js';
import { messagingModule } from './modules/messaging/index.js';
import { reportingModule } from './modules/reporting/index.js';
import { attachmentsModule } from './modules/attachments/index.js';

/**
 * The composition root's one list of modules (docs/architecture.md#layers-of-the-api): the ORM's
 * entities, the schema's resolvers, the `node(id:)` fetchers and the demo seed are derived from
 * it. A module's seed runs in this order, after the modules it builds on.
 */
export const HUB_MODULES: readonly HubModule[] = [
  organisationsModule,
  patientsModule,
  hubServicesModule,
  inboxModule,
  attachmentsModule,
  consultationsModule,
  writeBackModule,
  prescribingModule,
  repliesModule,
  referralsModule,
  appointmentsModule,
  pluginsModule,
  messagingModule,
  reportingModule,
];

/** Every module's entities, for `createOrm` (the platform adds its own). */
export const HUB_ENTITIES: readonly EntityDefinition[] = HUB_MODULES.flatMap((m) => m.entities);

/** Every module's resolver classes (the schema adds the platform's). */
export const MODULE_RESOLVERS: readonly ResolverClass[] = HUB_MODULES.flatMap((m) => m.resolvers);

/** Every module's background workers, in module order (names unique: checked in modules.test.ts). */
export const MODULE_WORKERS: readonly ModuleWorker[] = HUB_MODULES.flatMap((m) => m.workers ?? []);

/** Every module's hook for a plugin delivery given up on, run in module order. */
export function pluginDeliveryGivenUp(orm: Orm): (delivery: GivenUpPluginDelivery) => Promise<void> {
  const hooks = HUB_MODULES.flatMap((m) => (m.onPluginDeliveryGivenUp ? [m.onPluginDeliveryGivenUp] : []));
  return async (delivery) => {
    for (const hook of hooks) await hook(orm, delivery);
  };
}

/** One `node(id:)` fetcher per Node type; a type claimed by two modules stops the process at start. */
export const NODE_FETCHERS: Readonly<Record<string, NodeFetcher>> = (() => {
  const fetchers: Record<string, NodeFetcher> = {};
  for (const m of HUB_MODULES) {
    for (const [type, fetcher] of Object.entries(m.nodeFetchers ?? {})) {
      if (Object.hasOwn(fetchers, type)) throw new Error(`Node type ${type} has two fetchers (module ${m.name})`);
      fetchers[type] = fetcher;
    }
  }
  return fetchers;
})();
