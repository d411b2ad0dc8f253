import { toGlobalId } from '../../platform/graphql/relay.js';
import { OrganisationType } from './organisations.types.js';

/**
 * The columns of an organisation joined as `alias` into a plain-SQL read, each named
 * `<alias>_<field>`; read back with
 * {@link organisationFromRow}.
 */
export const organisationColumns = (alias: string): string =>
  `${alias}.id as "${alias}_id", ${alias}.pcn_id as "${alias}_pcn", ${alias}.ods_code as "${alias}_ods",
  ${alias}.name as "${alias}_name", ${alias}.kind as "${alias}_kind", ${alias}.active as "${alias}_active"`;

/**
 * The organisation joined as `alias` in a row of a plain-SQL read, as a GraphQL object (an instance
 * of its class, so type-graphql hands it to field resolvers without copying). `seen` keeps one object
 * per organisation: a page of 50 names a few, many times over.
 */
export function organisationFromRow(
  row: Record<string, unknown>,
  alias: string,
  seen: Map<string, OrganisationType>,
): OrganisationType {
  const id = row[`${alias}_id`] as string;
  const known = seen.get(id);
  if (known) return known;
  const organisation = Object.assign(Object.create(OrganisationType.prototype) as OrganisationType, {
    __typename: 'Organisation' as const,
    id: toGlobalId('Organisation', id),
    dbId: id,
    pcnId: (row[`${alias}_pcn`] as string | null) ?? null,
    odsCode: row[`${alias}_ods`] as string,
    name: row[`${alias}_name`] as string,
    kind: row[`${alias}_kind`] as OrganisationType['kind'],
    active: Boolean(row[`${alias}_active`]),
  });
  seen.set(id, organisation);
  return organisation;
}
