import type { AuthenticatedContext } from '../../platform/context.js';
import { asDate, asJson, exec } from '../../platform/db/sql.js';
import { newNode, toGlobalId } from '../../platform/graphql/relay.js';
import { organisationFromJson, organisationJson, type OrganisationType } from '../organisations/index.js';
import {
  WRITE_BACK_STATUS_JSON,
  writeBackStatusFromJson,
  writeBackStatusJoins,
  type WriteBackState,
  type WriteBackStatusType,
} from '../write-back/index.js';
import type { CodedKind, EntryKind, HubConsultationState } from './consultation.codes.js';
import { ConsultationErrors } from './consultations.errors.js';
import { toEntryType, type EntryFields } from './consultations.mappers.js';
import { canSeeConsultation } from './consultations.policy.js';
import { HubConsultationType, type ConsultationEntryType } from './consultations.types.js';

/**
 * What `hubConsultation(id)` reads besides the consultation, from the operation's selection
 * (`platform/graphql/lookahead.ts`): its entries (removed ones too, as the entries loader does),
 * their write-back status (record, current delivery's state, target practice) and the authoring
 * organisation.
 */
export interface HubConsultationReads {
  readonly entries: boolean;
  /** Each entry's write-back, for `writeBackState` and (see `entryWriteBack`) `entries.writeBack`. */
  readonly writeBack: boolean;
  /** Hand each entry its write-back (false when the selection asks for `delivery`, which this read leaves to the loader). */
  readonly entryWriteBack: boolean;
  readonly authoringOrganisation: boolean;
}

/** What the read joined; field resolvers answer from it when set, from their loaders otherwise. */
export interface HubConsultationJoined {
  /** Every entry, removed ones included, oldest first. */
  readonly entries?: ConsultationEntryType[];
  /** The write-back state of each entry that has one (for `writeBackState`). */
  readonly writeBackStates?: WriteBackState[];
  readonly authoringOrganisation?: OrganisationType;
}

const CONSULTATION = `c.id, c.patient_id, c.authoring_organisation_id, c.author_id, c.location, c.started_at,
  c.clinically_relevant, c.source_product, c.inbox_consultation_id, c.state, c.version, c.revision, c.saved_at,
  c.saved_by, c.created_at`;
const ENTRY = `e.id, e.kind, e.coded_kind, e.snomed_code, e.term, e.text, e.admin_only, e.dmd_code, e.medication_name,
  e.dose, e.quantity, e.document_title, e.document_content_type, e.document_size_bytes, e.document_reference,
  e.removed, e.revision, e.saved_revision, e.created_by, e.updated_by, e.updated_at`;

/** An entry's JSON array (ENTRY's columns, then its write-back when read) as the GraphQL object. */
function entryOf(v: readonly unknown[], writeBack: WriteBackStatusType | null | undefined): ConsultationEntryType {
  const fields: EntryFields = {
    id: v[0] as string,
    kind: v[1] as EntryKind,
    codedKind: v[2] as CodedKind | null,
    snomedCode: v[3] as string | null,
    term: v[4] as string | null,
    text: v[5] as string | null,
    adminOnly: v[6] as boolean,
    dmdCode: v[7] as string | null,
    medicationName: v[8] as string | null,
    dose: v[9] as string | null,
    quantity: v[10] as string | null,
    documentTitle: v[11] as string | null,
    documentContentType: v[12] as string | null,
    documentSizeBytes: v[13] as number | null,
    documentReference: v[14] as string | null,
    removed: v[15] as boolean,
    revision: v[16] as number,
    savedRevision: v[17] as number,
    createdBy: v[18] as string,
    updatedBy: v[19] as string,
    updatedAt: asDate(v[20] as string),
  };
  const entry = toEntryType(fields);
  if (writeBack !== undefined) entry.joinedWriteBack = writeBack;
  return entry;
}

/**
 * One hub consultation the viewer may see (the authoring organisation's staff; a plugin only what
 * it recorded), in one statement with what `reads` asks for, each packed into JSON; any other
 * (or none) answers NOT_FOUND on `field`, as the service's `byId` does.
 */
export async function readHubConsultation(
  ctx: AuthenticatedContext,
  id: string,
  reads: HubConsultationReads,
  field = 'id',
): Promise<HubConsultationType> {
  const values = [CONSULTATION];
  if (reads.entries) {
    const entry = reads.writeBack ? `${ENTRY}, ${WRITE_BACK_STATUS_JSON}` : ENTRY;
    const joins = reads.writeBack ? writeBackStatusJoins('e.id') : '';
    values.push(`(select json_agg(json_build_array(${entry}) order by e.id)
      from consultation_entry e${joins} where e.consultation_id = c.id)`);
  }
  if (reads.authoringOrganisation) values.push(organisationJson('ao'));
  const join = reads.authoringOrganisation ? ' join organisation ao on ao.id = c.authoring_organisation_id' : '';
  const [row] = await exec<{ r: unknown[] | string }>(
    ctx.sqlEm,
    `select json_build_array(${values.join(', ')}) as r from consultation c${join} where c.id = ?`,
    [id],
  );
  const v = row ? asJson<unknown[]>(row.r) : undefined;
  if (!v || !canSeeConsultation(ctx.actor, { authoringOrgId: v[2] as string, sourceProduct: v[7] as string })) {
    throw ConsultationErrors.notFound(id, field);
  }
  const c = newNode(HubConsultationType, id);
  c.patientId = v[1] as string;
  c.authoringOrgId = v[2] as string;
  c.authorId = v[3] as string;
  c.location = v[4] as string;
  c.startedAt = asDate(v[5] as string);
  c.clinicallyRelevant = v[6] as boolean;
  c.sourceProduct = v[7] as string;
  c.inboxConsultationId = v[8] ? toGlobalId('OnlineConsultation', v[8] as string) : null;
  c.state = v[9] as HubConsultationState;
  c.version = v[10] as number;
  c.revision = v[11] as number;
  c.savedAt = asDate(v[12] as string | null);
  c.savedBy = v[13] as string | null;
  c.createdAt = asDate(v[14] as string);
  const organisations = new Map<string, OrganisationType>();
  let next = 15;
  let entries: ConsultationEntryType[] | undefined;
  let writeBackStates: WriteBackState[] | undefined;
  if (reads.entries) {
    const rows = (v[next++] as unknown[][] | null) ?? [];
    const statuses = reads.writeBack
      ? rows.map((e) => writeBackStatusFromJson(e[21] as unknown[] | null, organisations))
      : undefined;
    entries = rows.map((e, i) => entryOf(e, reads.entryWriteBack ? statuses![i] : undefined));
    writeBackStates = statuses?.flatMap((s) => (s ? [s.state] : []));
  }
  const authoringOrganisation = reads.authoringOrganisation
    ? organisationFromJson(v[next] as unknown[], organisations)
    : undefined;
  c.joined = { entries, writeBackStates, authoringOrganisation };
  return c;
}
