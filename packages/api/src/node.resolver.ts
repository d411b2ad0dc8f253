import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { AuthenticatedContext, RequestContext } from './platform/context.js';
import { fromGlobalId, Node } from './platform/graphql/relay.js';
import { canSeeOrganisation, canSeeStaffOf, organisationById, StaffUser, toOrganisationType, toStaffUserType } from './modules/organisations/index.js';
import { Patient, patientScope, toPatientType } from './modules/patients/index.js';
import { InboxService, hubClosureNode, recordOf, toConsultationType } from './modules/inbox/index.js';
import { hubServiceById, toHubServiceType } from './modules/hub-services/index.js';
import { pluginNode, pluginWebhookDeliveryNode } from './modules/plugins/index.js';
import { hubConsultationEntryNode, hubConsultationNode } from './modules/consultations/index.js';
import { costCentreNode, prescriberNode, prescriptionNode } from './modules/prescribing/index.js';
import { hubTeamNode, patientTraceTaskNode, referralNode } from './modules/referrals/index.js';
import { appointmentBookNode, slotNode, slotTypeNode } from './modules/appointments/index.js';
import { inboundMessageNode } from './modules/messaging/index.js';
import { writeBackAgreementNode, writeBackDeliveryNode } from './modules/write-back/index.js';
import { fetchNode, type NodeFetcher as ModuleNodeFetcher } from './platform/graphql/node-fetcher.js';
import { HubError } from './platform/errors.js';
import { toGlobalId } from './platform/graphql/relay.js';

type NodeFetcher = (ctx: AuthenticatedContext, id: string) => Promise<Node | null>;

/** Fetchers whose rule lives in their module, keyed by type name. */
function byModule(fetchers: Record<string, ModuleNodeFetcher>): Record<string, NodeFetcher> {
  return Object.fromEntries(
    Object.entries(fetchers).map(([type, fetcher]) => [type, (ctx: AuthenticatedContext, id: string) => fetchNode(fetcher, ctx, toGlobalId(type, id))]),
  );
}

/** One fetcher per node type; each applies the same visibility rules as the type's own queries. */
const FETCHERS: Record<string, NodeFetcher> = {
  Organisation: async (ctx, id) => {
    const org = await organisationById(ctx).load(id);
    return org && canSeeOrganisation(ctx.actor, { id: org.id, pcnId: org.pcn?.id ?? null }) ? toOrganisationType(org) : null;
  },
  StaffUser: async (ctx, id) => {
    const user = await ctx.em.findOne(StaffUser, { id }, { populate: ['organisation'] });
    const org = user?.organisation.getEntity();
    return user && org && canSeeStaffOf(ctx.actor, { id: org.id, pcnId: org.pcn?.id ?? null })
      ? toStaffUserType(user)
      : null;
  },
  Patient: async (ctx, id) => {
    if (!ctx.actor.roles.size || ctx.actor.roles.has('INTEGRATION') || (ctx.actor.roles.has('PCN_ANALYST') && ctx.actor.roles.size === 1)) {
      return null;
    }
    const patient = await ctx.em.findOne(Patient, { $and: [{ id }, patientScope(ctx.actor)] });
    if (!patient) return null;
    await ctx.audit.recordNow(ctx.em, [{ action: 'readPatient', subjectType: 'Patient', subjectId: id, patientId: id }]);
    return toPatientType(patient);
  },
  OnlineConsultation: async (ctx, id) => {
    try {
      return toConsultationType(recordOf(await new InboxService(ctx).byId(toGlobalId('OnlineConsultation', id))));
    } catch (error) {
      if (error instanceof HubError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) return null;
      throw error;
    }
  },
  Plugin: (ctx, id) => pluginNode(ctx, id),
  HubConsultation: (ctx, id) => fetchNode(hubConsultationNode, ctx, toGlobalId('HubConsultation', id)),
  Prescription: (ctx, id) => fetchNode(prescriptionNode, ctx, toGlobalId('Prescription', id)),
  Referral: (ctx, id) => fetchNode(referralNode, ctx, toGlobalId('Referral', id)),
  ...byModule({
    AppointmentBook: appointmentBookNode,
    SlotType: slotTypeNode,
    Slot: slotNode,
    HubTeam: hubTeamNode,
    PatientTraceTask: patientTraceTaskNode,
    HubConsultationEntry: hubConsultationEntryNode,
    InboundMessage: inboundMessageNode,
    HubClosure: hubClosureNode,
    PluginWebhookDelivery: pluginWebhookDeliveryNode,
    Prescriber: prescriberNode,
    PrescribingCostCentre: costCentreNode,
    WriteBackAgreement: writeBackAgreementNode,
    WriteBackDelivery: writeBackDeliveryNode,
  }),
  HubService: async (ctx, id) => {
    const service = await hubServiceById(ctx).load(id);
    if (!service) return null;
    const hub = await organisationById(ctx).load(service.hub.id);
    return hub && canSeeOrganisation(ctx.actor, { id: hub.id, pcnId: hub.pcn?.id ?? null }) ? toHubServiceType(service) : null;
  },
};

/** The types `node(id:)` fetches (a schema test checks that every Node type is one). */
export function fetchableNodeTypes(): string[] {
  return Object.keys(FETCHERS);
}

@Resolver()
export class NodeResolver {
  @Authorized()
  @Query(() => Node, {
    nullable: true,
    description: 'Fetches any object by its global id. Objects the viewer may not see answer null, like missing ones.',
  })
  async node(@Arg('id', () => ID, { description: 'Global id.' }) id: string, @Ctx() ctx: RequestContext): Promise<Node | null> {
    const parsed = fromGlobalId(id);
    const fetch = parsed ? FETCHERS[parsed.type] : undefined;
    if (!parsed || !fetch) return null;
    return fetch(ctx as AuthenticatedContext, parsed.id);
  }
}
