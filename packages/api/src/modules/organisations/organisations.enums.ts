import { graphqlEnum } from '../../platform/graphql/enums.js';
import { ROLES } from '../../platform/auth/roles.js';
import { ORGANISATION_KINDS } from './organisation.entity.js';

export const OrganisationKindEnum = graphqlEnum(ORGANISATION_KINDS, {
  name: 'OrganisationKind',
  description: 'What an organisation is within the PCN.',
  values: {
    PCN: 'A Primary Care Network (ODS code U + 5 digits).',
    HUB: "The PCN's hub: the central team that processes online consultations.",
    PRACTICE: 'A member GP practice (ODS code letter + 5 digits).',
  },
});

export const RoleEnum = graphqlEnum(ROLES.all, {
  name: 'Role',
  description: 'A platform role, carried in the `roles` claim of a token.',
  values: {
    HUB_CLINICIAN: 'Hub clinician: triages and consults.',
    HUB_PRESCRIBER: "Hub clinician who may issue prescriptions under the PCN's cost centre.",
    HUB_ADMIN: 'Hub care co-ordinator: admin triage and patient contact.',
    HUB_MANAGER: 'Hub manager: sets up the PCN, agreements and capacity; reads the audit trail.',
    PRACTICE_CLINICIAN: 'Clinician at a member practice.',
    PRACTICE_ADMIN: 'Administrator at a member practice.',
    PCN_ANALYST: 'Reads PCN-level aggregates; no patient identifiers.',
    INTEGRATION: 'A machine client such as an online consultation supplier.',
  },
});
