import type { HubModule } from '../../platform/hub-module.js';
import { Organisation } from './organisation.entity.js';
import { StaffUser } from './staff-user.entity.js';
import { OrganisationResolver, ViewerResolver, StaffUserResolver } from './organisations.resolver.js';
import { StaffAdministrationResolver } from './staff.resolver.js';
import { organisationNode, staffUserNode } from './organisations.node.js';

export { Organisation, ORGANISATION_KINDS, type OrganisationKind } from './organisation.entity.js';
export { StaffUser } from './staff-user.entity.js';
export { OrganisationType } from './organisations.types.js';
export { RoleEnum } from './organisations.enums.js';
export { findOrganisationForActor } from './organisations.service.js';
export { organisationById } from './organisations.loaders.js';
export { toOrganisationType, toStaffUserType } from './organisations.mappers.js';
export { organisationJson, organisationFromJson } from './organisations.query.js';
export { canSeeOrganisation, canSeeStaffOf } from './organisations.policy.js';
export {
  hintStaffAccountChanged,
  staffAccount,
  staffAccountActive,
  watchStaffAccounts,
  STAFF_ACCOUNTS_STREAM,
} from './accounts.service.js';

/** The organisations module as the composition root registers it (docs/architecture.md#adding-a-module). */
export const organisationsModule: HubModule = {
  name: 'organisations',
  entities: [Organisation, StaffUser],
  resolvers: [OrganisationResolver, ViewerResolver, StaffUserResolver, StaffAdministrationResolver],
  nodeFetchers: { Organisation: organisationNode, StaffUser: staffUserNode },
};
