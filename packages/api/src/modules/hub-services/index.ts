export {
  HubService,
  HUB_SERVICE_KINDS,
  REFERRAL_METHODS,
  DAYS_OF_WEEK,
  type HubServiceKind,
  type ReferralMethod,
  type DayOfWeek,
} from './hub-service.entity.js';
export { HubServiceType, HubServicePayload, HubServiceKindEnum, ReferralMethodEnum, DayOfWeekEnum } from './hub-services.types.js';
export { HubServiceResolver } from './hub-services.resolver.js';
export { toHubServiceType } from './hub-services.mappers.js';
export { hubServiceById } from './hub-services.loaders.js';
export { findHubOfPcn } from './hub-services.service.js';
