import { asDate } from '../../platform/db/sql.js';
import { toGlobalId } from '../../platform/graphql/relay.js';
import { organisationFromJson, organisationJson, type OrganisationType } from '../organisations/index.js';
import { writeBackStateOf, type DeliveryState, type WriteBackDecision } from './write-back.codes.js';
import { WriteBackStatusType } from './write-back.types.js';

/**
 * The joins that bring an entry's write-back (its record, current delivery and target practice)
 * into a plain-SQL read, for the entry whose id is `entryId` (an SQL expression); read with
 * {@link WRITE_BACK_STATUS_JSON}.
 */
export const writeBackStatusJoins = (entryId: string): string =>
  ` left join write_back_record wbr on wbr.entry_id = ${entryId}
    left join write_back_delivery wbd on wbd.id = wbr.current_delivery_id
    left join organisation wbo on wbo.id = wbr.target_org_id`;

/**
 * An entry's write-back under {@link writeBackStatusJoins} as one JSON array, null until the
 * entry is saved (no record); read back with {@link writeBackStatusFromJson}.
 */
export const WRITE_BACK_STATUS_JSON = `case when wbr.id is null then null else json_build_array(wbr.decision, wbr.reason,
    wbr.decided_at, wbr.agreement_id, wbd.state, ${organisationJson('wbo')}) end`;

/**
 * The write-back {@link WRITE_BACK_STATUS_JSON} read, as the API shows it (the state as
 * `writeBackStatusByEntry` decides it, from the decision and the current delivery's state), with
 * its target practice joined. Its `delivery` is not read: a selection asking for it loads the
 * status through `writeBackStatusByEntry` instead.
 */
export function writeBackStatusFromJson(
  values: readonly unknown[] | null,
  organisations: Map<string, OrganisationType>,
): WriteBackStatusType | null {
  if (!values) return null;
  const decision = values[0] as WriteBackDecision;
  const agreementId = values[3] as string | null;
  const target = organisationFromJson(values[5] as unknown[], organisations);
  const status = new WriteBackStatusType();
  status.targetOrgId = target.dbId;
  status.joinedTargetOrganisation = target;
  status.state = writeBackStateOf(decision, (values[4] as DeliveryState | null) ?? null);
  status.decision = decision;
  status.reason = values[1] as string;
  status.decidedAt = asDate(values[2] as string);
  status.agreementId = agreementId ? toGlobalId('WriteBackAgreement', agreementId) : null;
  return status;
}
