import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { OdsCodeScalar } from '@pcn-hub/schema';
import type { AuthenticatedContext, RequestContext } from '../../../platform/context.js';
import { Errors } from '../../../platform/errors.js';
import { selectedFields } from '../../../platform/graphql/lookahead.js';
import { pageSize } from '../../../platform/graphql/relay.js';
import { OrganisationType, organisationById, toOrganisationType } from '../../organisations/index.js';
import { PatientType, toPatientType } from '../../patients/index.js';
import { HubServiceType, hubServiceById, toHubServiceType } from '../../hub-services/index.js';
import { InboxFilter } from '../inbox.inputs.js';
import { InboxOrderEnum, type InboxOrder } from '../inbox.enums.js';
import { historyByConsultation, visiblePatientById } from '../inbox.loaders.js';
import { toConsultationType, toTransitionType } from '../inbox.mappers.js';
import { CONTENT_FIELDS, recordOf, type PageReads } from './page.query.js';
import { INBOX_ROLES, canSeeConsultation } from '../inbox.policy.js';
import { INBOX_COUNT_BOUND, InboxService, consultationCursor } from './inbox.service.js';
import {
  ConsultationTransitionType,
  InboxConnection,
  InboxFolderCountType,
  OnlineConsultationType,
  SignpostType,
  SubmitOnlineConsultationPayload,
  SubmittedPatientType,
} from '../inbox.types.js';
import { INBOX_FOLDERS } from '../online-consultation.state.js';
import { AuthCtx, authenticated } from '../../../platform/auth/auth-context.js';

const service = (ctx: AuthenticatedContext) => new InboxService(ctx);
/** The context a consultation's fields resolve in (see OnlineConsultationType.scope). */
const scoped = (root: OnlineConsultationType, ctx: RequestContext): RequestContext => root.scope ?? ctx;

async function organisation(ctx: RequestContext, id: string): Promise<OrganisationType> {
  return toOrganisationType((await organisationById(ctx).load(id))!);
}

@Resolver(() => OnlineConsultationType)
export class InboxResolver {
  @Authorized(...INBOX_ROLES)
  @Query(() => InboxConnection, {
    description:
      "A page of an organisation's inbox: hub staff read the hub's, practice staff their practice's, and hub staff also the inbox of a PCN practice that shares its inbox with the hub (setInboxSharing); any other answers NOT_FOUND. Audited per consultation returned.",
  })
  async inbox(
    @Arg('organisation', () => OdsCodeScalar, {
      description:
        "ODS code of the inbox: the viewer's own organisation, or (hub staff) a PCN practice sharing its inbox.",
    })
    organisation: string,
    @Arg('filter', () => InboxFilter, { nullable: true, description: 'Narrows the page.' }) filter: InboxFilter | null,
    @Arg('orderBy', () => InboxOrderEnum, { nullable: true, description: 'Sort order (default OLDEST).' })
    orderBy: InboxOrder | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1-200 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor from a previous page (same order).' })
    after: string | null,
    @Arg('last', () => Int, { nullable: true, description: 'Page size when paging backwards with `before`, 1-200.' })
    last: number | null,
    @Arg('before', () => String, {
      nullable: true,
      description:
        "Cursor of a page's first edge (`pageInfo.startCursor`): the page just before it, in the same order.",
    })
    before: string | null,
    @AuthCtx() ctx: AuthenticatedContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InboxConnection> {
    const inbox = service(ctx);
    const organisationId = await inbox.readableInboxId(organisation);
    const order = orderBy ?? 'OLDEST';
    if (before && after) throw Errors.badInput('before', 'Page forwards with after or backwards with before, not both');
    if (last != null && !before) throw Errors.badInput('last', 'last pages backwards from a cursor: give before too');
    const size = pageSize(before ? (last ?? first) : first);
    const node = selectedFields(info, ['edges', 'node']);
    const reads: PageReads = {
      content: CONTENT_FIELDS.some((field) => node.has(field)),
      patient: node.has('patient'),
      owner: node.has('ownerOrganisation'),
      originatingPractice: node.has('originatingPractice'),
    };
    const cursors = { after: after ?? null, before: before ?? null };
    const { rows, more } = await inbox.page(organisationId, filter, order, size, cursors, reads);
    const now = new Date();
    const edges = rows.map((row) => ({
      cursor: consultationCursor(order, row.record),
      node: Object.assign(toConsultationType(row.record, now), { joined: row }),
    }));
    const pageInfo = {
      hasNextPage: before ? true : more,
      hasPreviousPage: before ? more : Boolean(after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    };
    return { organisationId, filter, edges, pageInfo };
  }

  @Authorized(...INBOX_ROLES)
  @Query(() => OnlineConsultationType, {
    description: "A consultation in the viewer's inbox, with its full history. Any other answers NOT_FOUND. Audited.",
  })
  async onlineConsultation(
    @Arg('id', () => ID, { description: 'Global id.' }) id: string,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<OnlineConsultationType> {
    return toConsultationType(recordOf(await service(ctx).byId(id)));
  }

  @FieldResolver(() => OrganisationType, { description: 'The organisation whose inbox holds it (hub or practice).' })
  // Not async: a joined value is answered as it is, without a promise per row.
  ownerOrganisation(
    @Root() c: OnlineConsultationType,
    @Ctx() ctx: RequestContext,
  ): OrganisationType | Promise<OrganisationType> {
    return c.joined?.owner ?? organisation(scoped(c, ctx), c.ownerId);
  }

  @FieldResolver(() => OrganisationType, { description: 'The practice the patient submitted to.' })
  originatingPractice(
    @Root() c: OnlineConsultationType,
    @Ctx() ctx: RequestContext,
  ): OrganisationType | Promise<OrganisationType> {
    return c.joined?.originatingPractice ?? organisation(scoped(c, ctx), c.originatingPracticeId);
  }

  @FieldResolver(() => PatientType, {
    nullable: true,
    description: 'The matched registered patient; null when unmatched.',
  })
  patient(
    @Root() c: OnlineConsultationType,
    @Ctx() ctx: RequestContext,
  ): PatientType | null | Promise<PatientType | null> {
    if (!c.patientId) return null;
    if (c.joined?.patient !== undefined) return c.joined.patient;
    return visiblePatientById(scoped(c, ctx))
      .load(c.patientId)
      .then((patient) => (patient ? toPatientType(patient) : null));
  }

  @FieldResolver(() => SubmittedPatientType, {
    nullable: true,
    description: "Demographics as submitted; visible to the owner's staff only.",
  })
  submittedPatient(@Root() c: OnlineConsultationType, @Ctx() ctx: RequestContext): SubmittedPatientType | null {
    const actor = scoped(c, ctx).actor;
    return actor && canSeeConsultation(actor, { ownerId: c.ownerId }) ? c.submitted : null;
  }

  @FieldResolver(() => [ConsultationTransitionType], { description: 'Every transition, oldest first.' })
  async history(@Root() c: OnlineConsultationType, @Ctx() ctx: RequestContext): Promise<ConsultationTransitionType[]> {
    return (await historyByConsultation(scoped(c, ctx)).load(c.dbId)).map(toTransitionType);
  }
}

@Resolver(() => InboxConnection)
export class InboxConnectionResolver {
  @FieldResolver(() => Int, {
    description: `Consultations matching the filter (ignores paging), counted up to ${INBOX_COUNT_BOUND}: a larger inbox answers ${INBOX_COUNT_BOUND}. Only computed when asked for.`,
  })
  async totalCount(@Root() connection: InboxConnection, @AuthCtx() ctx: AuthenticatedContext): Promise<number> {
    return service(ctx).count(connection.organisationId, connection.filter ?? null);
  }

  @FieldResolver(() => [InboxFolderCountType], {
    description: 'Consultations per folder in the same inbox (ignores filter).',
  })
  async folderCounts(
    @Root() connection: InboxConnection,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<InboxFolderCountType[]> {
    const counts = await service(ctx).folderCounts(connection.organisationId);
    return INBOX_FOLDERS.map((folder) => ({ folder, count: counts[folder] }));
  }
}

@Resolver(() => SignpostType)
export class SignpostResolver {
  @FieldResolver(() => HubServiceType, { nullable: true, description: 'The hub service, for HUB_SERVICE_QUEUE.' })
  async service(@Root() signpost: SignpostType, @Ctx() ctx: RequestContext): Promise<HubServiceType | null> {
    if (!signpost.serviceId) return null;
    const found = await hubServiceById(ctx).load(signpost.serviceId);
    return found ? toHubServiceType(found) : null;
  }
}

@Resolver(() => SubmitOnlineConsultationPayload)
export class SubmitPayloadResolver {
  @FieldResolver(() => OrganisationType, { description: 'The organisation whose inbox received it.' })
  owner(@Root() payload: SubmitOnlineConsultationPayload, @Ctx() ctx: RequestContext): Promise<OrganisationType> {
    return organisation(ctx, payload.ownerId);
  }

  @FieldResolver(() => OnlineConsultationType, {
    nullable: true,
    description:
      'The consultation, when the caller may read it under the inbox rules (staff of its owner); else null, as for a supplier. Audited like a read.',
  })
  async consultation(
    @Root() payload: SubmitOnlineConsultationPayload,
    @Ctx() ctx: RequestContext,
  ): Promise<OnlineConsultationType | null> {
    const actor = ctx.actor;
    if (!actor || !canSeeConsultation(actor, { ownerId: payload.ownerId })) return null;
    return toConsultationType(recordOf(await service(authenticated(ctx)).byId(payload.consultationId)));
  }
}
