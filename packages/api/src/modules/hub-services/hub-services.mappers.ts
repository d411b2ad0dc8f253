import { toGlobalId } from '../../platform/graphql/relay.js';
import type { HubService } from './hub-service.entity.js';
import type { HubServiceType } from './hub-services.types.js';

/** A copy of an array column; an entity created in this request (not yet reloaded) may lack it. */
const list = <T>(values: readonly T[] | undefined): T[] => [...(values ?? [])];

export function toHubServiceType(service: HubService): HubServiceType {
  return {
    __typename: 'HubService',
    id: toGlobalId('HubService', service.id),
    dbId: service.id,
    hubId: service.hub.id,
    kind: service.kind,
    name: service.name,
    active: service.active,
    inclusionCriteria: service.inclusionCriteria ?? null,
    exclusionCriteria: service.exclusionCriteria ?? null,
    daysOfOperation: list(service.daysOfOperation),
    requiredRoles: list(service.requiredRoles),
    referralMethods: list(service.referralMethods),
  };
}
