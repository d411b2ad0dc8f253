import { toGlobalId } from '../../platform/graphql/relay.js';
import type { Role } from '../../platform/auth/roles.js';
import type { Organisation } from './organisation.entity.js';
import type { StaffUser } from './staff-user.entity.js';
import type { OrganisationType, StaffUserType } from './organisations.types.js';

export function toOrganisationType(org: Organisation): OrganisationType {
  return {
    __typename: 'Organisation',
    id: toGlobalId('Organisation', org.id),
    dbId: org.id,
    pcnId: org.pcn?.id ?? null,
    odsCode: org.odsCode,
    name: org.name,
    kind: org.kind,
    active: org.active,
  };
}

export function toStaffUserType(user: StaffUser): StaffUserType {
  return {
    __typename: 'StaffUser',
    id: toGlobalId('StaffUser', user.id),
    organisationId: user.organisation.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles as Role[],
    active: user.active,
    createdAt: user.createdAt,
  };
}
