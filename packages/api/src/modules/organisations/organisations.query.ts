import { newNode } from '../../platform/graphql/relay.js';
import type { OrganisationKind } from './organisation.entity.js';
import { OrganisationType } from './organisations.types.js';

/**
 * An organisation joined as `alias` into a plain-SQL read, as one JSON array (PostgreSQL builds
 * it, the driver hands it over parsed natively: cheaper than a column each); read back with
 * {@link organisationFromJson}.
 */
export const organisationJson = (alias: string): string =>
  `json_build_array(${alias}.id, ${alias}.pcn_id, ${alias}.ods_code, ${alias}.name, ${alias}.kind, ${alias}.active)`;

/**
 * The organisation {@link organisationJson} read, as a GraphQL object: an instance of its class
 * (type-graphql hands it to field resolvers without copying), built by plain stores (fast
 * properties). `seen` keeps one object per organisation: a page of 50 names a few, many times over.
 */
export function organisationFromJson(
  values: readonly unknown[],
  seen: Map<string, OrganisationType>,
): OrganisationType {
  const id = values[0] as string;
  const known = seen.get(id);
  if (known) return known;
  const organisation = newNode(OrganisationType, id);
  organisation.pcnId = (values[1] as string | null) ?? null;
  organisation.odsCode = values[2] as string;
  organisation.name = values[3] as string;
  organisation.kind = values[4] as OrganisationKind;
  organisation.active = values[5] as boolean;
  seen.set(id, organisation);
  return organisation;
}
