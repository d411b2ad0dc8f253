export { Organisation, ORGANISATION_KINDS, type OrganisationKind } from './organisation.entity.js';
export { StaffUser } from './staff-user.entity.js';
export { OrganisationType, RoleEnum } from './organisations.types.js';
export { OrganisationResolver, ViewerResolver, StaffUserResolver } from './organisations.resolver.js';
export { findOrganisationForActor } from './organisations.service.js';
export { organisationById } from './organisations.loaders.js';
export { toOrganisationType, toStaffUserType } from './organisations.mappers.js';
export { canSeeOrganisation, canSeeStaffOf } from './organisations.policy.js';
export {
  hintStaffAccountChanged,
  staffAccount,
  staffAccountActive,
  watchStaffAccounts,
  STAFF_ACCOUNTS_STREAM,
} from './organisations.accounts.js';
export { StaffAdministrationResolver } from './staff.resolver.js';
