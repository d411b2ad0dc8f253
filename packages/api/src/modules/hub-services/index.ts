import type { HubModule } from '../../platform/hub-module.js';
import { HubService } from './hub-service.entity.js';
import { HubServiceResolver } from './hub-services.resolver.js';
import { hubServiceNode } from './hub-services.node.js';
import { seedDemoHubServices } from './hub-services.seed.js';

export {
  HubService,
  HUB_SERVICE_KINDS,
  REFERRAL_METHODS,
  DAYS_OF_WEEK,
  type HubServiceKind,
  type ReferralMethod,
  type DayOfWeek,
} from './hub-service.entity.js';
export {
  HubServiceType,
  HubServicePayload,
  HubServiceKindEnum,
  ReferralMethodEnum,
  DayOfWeekEnum,
} from './hub-services.types.js';
export { toHubServiceType } from './hub-services.mappers.js';
export { hubServiceById } from './hub-services.loaders.js';
export { findHubOfPcn } from './hub-services.service.js';

/** The hub-services module as the composition root registers it (docs/architecture.md#adding-a-module). */
export const hubServicesModule: HubModule = {
  name: 'hub-services',
  entities: [HubService],
  resolvers: [HubServiceResolver],
  nodeFetchers: { HubService: hubServiceNode },
  seed: seedDemoHubServices,
};
