import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PluginScope } from '../../platform/auth/plugin-scope.js';
import type { AuthenticatedContext, RequestContext } from '../../platform/context.js';
import { selectedFields } from '../../platform/graphql/lookahead.js';
import { expectGlobalId, toGlobalId } from '../../platform/graphql/relay.js';
import { OrganisationType, organisationById, toOrganisationType } from '../organisations/index.js';
import { PatientType } from '../patients/index.js';
import {
  combinedWriteBackState,
  toStatusType,
  WriteBackExplanationType,
  WriteBackStateEnum,
  WriteBackStatusType,
  type WriteBackState,
} from '../write-back/index.js';
import { ConsultationService } from './consultations.service.js';
import { entriesByConsultation, writeBackByEntry } from './consultations.loaders.js';
import { toEntryType, toHubConsultationType } from './consultations.mappers.js';
import { CONSULTATION_AUTHORS, CONSULTATION_READERS, EXPLAINERS } from './consultations.policy.js';
import { patientForConsultation } from './patient.service.js';
import { readHubConsultation, type HubConsultationReads } from './consultations.query.js';
import {
  AddConsultationEntryInput,
  AmendConsultationEntryInput,
  ConsultationEntryPayload,
  RecordConsultationInput,
  RecordConsultationPayload,
  RemoveConsultationEntryInput,
  RemoveConsultationEntryPayload,
  SaveConsultationInput,
  SaveConsultationPayload,
} from './consultations.inputs.js';
import { ConsultationEntryType, HubConsultationType } from './consultations.types.js';
import { AuthCtx } from '../../platform/auth/auth-context.js';

const service = (ctx: AuthenticatedContext) => new ConsultationService(ctx);

/** What a selection of a hub consultation at `path` asks the one-statement read to join. */
function readsAt(info: GraphQLResolveInfo, path: readonly string[]): HubConsultationReads {
  const fields = selectedFields(info, path);
  const entry = selectedFields(info, [...path, 'entries']);
  const writeBack = fields.has('writeBackState') || entry.has('writeBack');
  return {
    entries: writeBack || fields.has('entries'),
    writeBack,
    entryWriteBack: entry.has('writeBack') && !selectedFields(info, [...path, 'entries', 'writeBack']).has('delivery'),
    authoringOrganisation: fields.has('authoringOrganisation'),
  };
}

/**
 * A mutation's payload consultation (`payload.consultation`) with what its selection asks for
 * joined in one statement after the change committed, instead of the entries and write-back
 * loaders' reads (two statements, each hydrating entities).
 */
async function joined(
  ctx: AuthenticatedContext,
  info: GraphQLResolveInfo,
  c: HubConsultationType,
): Promise<HubConsultationType> {
  const reads = readsAt(info, ['consultation']);
  if (reads.entries || reads.authoringOrganisation) c.joined = (await readHubConsultation(ctx, c.dbId, reads)).joined;
  return c;
}

@Resolver(() => HubConsultationType)
export class HubConsultationResolver {
  @Authorized(...CONSULTATION_READERS)
  @PluginScope('consultations:read')
  @Query(() => HubConsultationType, {
    description: "A hub consultation of the viewer's organisation; any other answers NOT_FOUND.",
  })
  async hubConsultation(
    @Arg('id', () => ID, { description: 'Global id.' }) id: string,
    @AuthCtx() ctx: AuthenticatedContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<HubConsultationType> {
    // One statement: the consultation and what the selection asks for (entries, their write-back).
    return readHubConsultation(ctx, expectGlobalId(id, 'HubConsultation', 'id'), readsAt(info, []));
  }

  @Authorized(...EXPLAINERS)
  @PluginScope('write-back:read')
  @Query(() => WriteBackExplanationType, {
    description:
      "Whether an entry will be written back to the patient's registered practice, and why: agreement found or missing, the practice-to-practice switch, the patient's registration, the source product. For the authoring organisation, the registered practice and hub managers.",
  })
  async explainWriteBack(
    @Arg('entryId', () => ID, { description: 'Global id of the entry.' }) entryId: string,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<WriteBackExplanationType> {
    return service(ctx).explain(entryId);
  }

  @Authorized(...CONSULTATION_AUTHORS)
  @PluginScope('consultations:write')
  @Mutation(() => RecordConsultationPayload, {
    description:
      "Records a consultation (a draft) for a patient of the PCN, standalone or opened from an inbox item, authored at the viewer's organisation. Audited.",
  })
  async recordConsultation(
    @Arg('input', () => RecordConsultationInput, { description: 'What to change: see RecordConsultationInput.' })
    input: RecordConsultationInput,
    @AuthCtx() ctx: AuthenticatedContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<RecordConsultationPayload> {
    return { consultation: await joined(ctx, info, toHubConsultationType(await service(ctx).record(input))) };
  }

  @Authorized(...CONSULTATION_AUTHORS)
  @PluginScope('entries:write')
  @Mutation(() => ConsultationEntryPayload, {
    description: 'Adds an entry. Once a version is saved, only its author may. Audited.',
  })
  async addConsultationEntry(
    @Arg('input', () => AddConsultationEntryInput, { description: 'What to change: see AddConsultationEntryInput.' })
    input: AddConsultationEntryInput,
    @AuthCtx() ctx: AuthenticatedContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConsultationEntryPayload> {
    const { consultation, entry } = await service(ctx).addEntry(input);
    return { consultation: await joined(ctx, info, toHubConsultationType(consultation)), entry: toEntryType(entry) };
  }

  @Authorized(...CONSULTATION_AUTHORS)
  @PluginScope('entries:write')
  @Mutation(() => ConsultationEntryPayload, {
    description:
      'Replaces the content of an entry (same kind). Amending a saved version by anyone but its author is CONFLICT. Audited.',
  })
  async amendConsultationEntry(
    @Arg('input', () => AmendConsultationEntryInput, {
      description: 'What to change: see AmendConsultationEntryInput.',
    })
    input: AmendConsultationEntryInput,
    @AuthCtx() ctx: AuthenticatedContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConsultationEntryPayload> {
    const { consultation, entry } = await service(ctx).amendEntry(input);
    return { consultation: await joined(ctx, info, toHubConsultationType(consultation)), entry: toEntryType(entry) };
  }

  @Authorized(...CONSULTATION_AUTHORS)
  @PluginScope('entries:write')
  @Mutation(() => RemoveConsultationEntryPayload, {
    description: 'Removes an entry; after a save its removal is written back with the next save. Audited.',
  })
  async removeConsultationEntry(
    @Arg('input', () => RemoveConsultationEntryInput, {
      description: 'What to change: see RemoveConsultationEntryInput.',
    })
    input: RemoveConsultationEntryInput,
    @AuthCtx() ctx: AuthenticatedContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<RemoveConsultationEntryPayload> {
    const { consultation, entryId } = await service(ctx).removeEntry(input);
    return {
      consultation: await joined(ctx, info, toHubConsultationType(consultation)),
      removedEntryId: toGlobalId('HubConsultationEntry', entryId),
    };
  }

  @Authorized(...CONSULTATION_AUTHORS)
  @PluginScope('consultations:write')
  @Mutation(() => SaveConsultationPayload, {
    description:
      'Saves the next version (version + 1) and decides write-back for every changed entry in the same transaction. Saving with nothing changed is INVALID_TRANSITION. Audited.',
  })
  async saveConsultation(
    @Arg('input', () => SaveConsultationInput, { description: 'What to change: see SaveConsultationInput.' })
    input: SaveConsultationInput,
    @AuthCtx() ctx: AuthenticatedContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SaveConsultationPayload> {
    return { consultation: await joined(ctx, info, toHubConsultationType(await service(ctx).save(input))) };
  }

  @FieldResolver(() => PatientType, {
    nullable: true,
    description:
      'The patient. Audited as a patient read. Null for a plugin without the patients:read scope, which gets `patientId` only.',
  })
  patient(@Root() c: HubConsultationType, @AuthCtx() ctx: AuthenticatedContext): Promise<PatientType | null> {
    return patientForConsultation(ctx, c.patientId);
  }

  @FieldResolver(() => ID, {
    description: "The patient's global id (a Patient node), for every viewer of the consultation.",
  })
  patientId(@Root() c: HubConsultationType): string {
    return toGlobalId('Patient', c.patientId);
  }

  @FieldResolver(() => OrganisationType, { description: 'Where it was authored.' })
  async authoringOrganisation(@Root() c: HubConsultationType, @Ctx() ctx: RequestContext): Promise<OrganisationType> {
    if (c.joined?.authoringOrganisation) return c.joined.authoringOrganisation;
    return toOrganisationType((await organisationById(ctx).load(c.authoringOrgId))!);
  }

  @FieldResolver(() => [ConsultationEntryType], { description: 'Its entries, oldest first.' })
  async entries(
    @Root() c: HubConsultationType,
    @Arg('includeRemoved', () => Boolean, { nullable: true, description: 'Also list removed entries.' })
    includeRemoved: boolean | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ConsultationEntryType[]> {
    if (c.joined?.entries) return c.joined.entries.filter((entry) => includeRemoved || !entry.removed);
    const rows = await entriesByConsultation(ctx).load(c.dbId);
    return rows.filter((row) => includeRemoved || !row.removed).map(toEntryType);
  }

  @FieldResolver(() => WriteBackStateEnum, {
    nullable: true,
    description: 'The most pressing write-back state of its entries (null until saved).',
  })
  async writeBackState(@Root() c: HubConsultationType, @Ctx() ctx: RequestContext): Promise<WriteBackState | null> {
    if (c.joined?.writeBackStates) return combinedWriteBackState(c.joined.writeBackStates);
    const rows = await entriesByConsultation(ctx).load(c.dbId);
    const statuses = await writeBackByEntry(ctx).loadMany(rows.map((row) => row.id));
    return combinedWriteBackState(statuses.flatMap((s) => (s && !(s instanceof Error) ? [s.state] : [])));
  }
}

@Resolver(() => ConsultationEntryType)
export class ConsultationEntryResolver {
  @FieldResolver(() => WriteBackStatusType, {
    nullable: true,
    description: 'Its write-back to the registered practice (null until saved).',
  })
  async writeBack(
    @Root() entry: ConsultationEntryType,
    @Ctx() ctx: RequestContext,
  ): Promise<WriteBackStatusType | null> {
    if (entry.joinedWriteBack !== undefined) return entry.joinedWriteBack;
    const status = await writeBackByEntry(ctx).load(entry.dbId);
    return status ? toStatusType(status) : null;
  }
}
