import { fieldsOf, nodeFields } from '../../platform/graphql/fields.js';
import type { HubService } from './hub-service.entity.js';
import type { HubServiceType } from './hub-services.types.js';

/** A copy of an array column; an entity created in this request (not yet reloaded) may lack it. */
const list = <T>(values: readonly T[] | undefined): T[] => [...(values ?? [])];

export function toHubServiceType(service: HubService): HubServiceType {
  return {
    ...nodeFields('HubService', service.id),
    ...fieldsOf(service, ['kind', 'name', 'active', 'inclusionCriteria', 'exclusionCriteria']),
    hubId: service.hub.id,
    daysOfOperation: list(service.daysOfOperation),
    requiredRoles: list(service.requiredRoles),
    referralMethods: list(service.referralMethods),
  };
}
