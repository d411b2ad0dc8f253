import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Actor } from '../../../platform/auth/actor.js';
import { PluginScope } from '../../../platform/auth/plugin-scope.js';
import type { AuthenticatedContext, RequestContext } from '../../../platform/context.js';
import { selectedFields } from '../../../platform/graphql/lookahead.js';
import { pageSize, toConnection } from '../../../platform/graphql/relay.js';
import { HubServiceType, hubServiceById, toHubServiceType } from '../../hub-services/index.js';
import { OrganisationType, organisationById, toOrganisationType } from '../../organisations/index.js';
import { PatientType, canSeePatientAt, mayReadDemographics, toPatientType } from '../../patients/index.js';
import {
  PrescriptionFilter,
  PrescriptionReasonInput,
  PrescriptionRefInput,
  RaisePrescriptionInput,
} from '../prescribing.inputs.js';
import { patientById } from '../prescribing.loaders.js';
import { toPrescriptionItemType, toPrescriptionType, toTransitionType } from '../prescribing.mappers.js';
import { PRESCRIPTION_CANCELLERS, PRESCRIPTION_RAISERS, PRESCRIPTION_READERS } from '../prescribing.policy.js';
import {
  PrescriptionConnection,
  PrescriptionItemType,
  PrescriptionPayload,
  PrescriptionTransitionType,
  PrescriptionType,
} from '../prescribing.types.js';
import {
  PrescriptionQueries,
  historyByPrescription,
  itemsByPrescription,
  prescriptionCursor,
} from './prescriptions.query.js';
import { PrescriptionCommands } from './prescriptions.service.js';
import { AuthCtx } from '../../../platform/auth/auth-context.js';

const commands = (ctx: AuthenticatedContext) => new PrescriptionCommands(ctx);
const queries = (ctx: AuthenticatedContext) => new PrescriptionQueries(ctx);
const payload = async (p: Promise<Parameters<typeof toPrescriptionType>[0]>): Promise<PrescriptionPayload> => ({
  prescription: toPrescriptionType(await p),
});

async function organisation(ctx: RequestContext, id: string): Promise<OrganisationType> {
  return toOrganisationType((await organisationById(ctx).load(id))!);
}

/** The patient when the patients policy lets the actor see them (registered at a visible practice). */
async function visiblePatient(ctx: RequestContext, actor: Actor, patientId: string): Promise<PatientType | null> {
  const patient = await patientById(ctx).load(patientId);
  if (!patient) return null;
  const practice = await organisationById(ctx).load(patient.registeredPractice.id);
  if (!practice || !canSeePatientAt(actor, { id: practice.id, pcnId: practice.pcn?.id ?? null })) return null;
  return toPatientType(patient);
}

@Resolver(() => PrescriptionType)
export class PrescriptionResolver {
  @Authorized(...PRESCRIPTION_READERS)
  @PluginScope('eps:send')
  @Query(() => PrescriptionType, {
    description:
      "A prescription of your hub, or of your practice's patients. Others answer NOT_FOUND. Audited. Open to the EPS plugin (eps:send) acting for the hub, to read its EPS messages.",
  })
  async prescription(
    @Arg('id', () => ID, { description: 'Prescription id.' }) id: string,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<PrescriptionType> {
    return toPrescriptionType(await queries(ctx).byId(id));
  }

  @Authorized(...PRESCRIPTION_READERS)
  @Query(() => PrescriptionConnection, {
    description:
      "Prescriptions of your hub (hub staff) or of your practice's patients (practice clinicians), newest first. Audited per row.",
  })
  async prescriptions(
    @Arg('filter', () => PrescriptionFilter, { nullable: true, description: 'Narrows the list.' })
    filter: PrescriptionFilter | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1-200 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor from a previous page.' }) after: string | null,
    @AuthCtx() ctx: AuthenticatedContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InstanceType<typeof PrescriptionConnection>> {
    const size = pageSize(first);
    // One statement reads the page, the joins its selection asks for and writes its audit rows.
    const node = selectedFields(info, ['edges', 'node']);
    const selection = {
      fields: node,
      items: node.has('items'),
      patient: node.has('patient'),
      registeredPractice: node.has('registeredPractice'),
      hub: node.has('hub'),
    };
    const rows = await queries(ctx).page(filter ?? null, size, after ?? null, selection);
    return toConnection(rows, size, Boolean(after), (row) => row, prescriptionCursor);
  }

  @Authorized(...PRESCRIPTION_RAISERS)
  @Mutation(() => PrescriptionPayload, {
    description:
      'Raises a prescription of 1-4 dm+d items for a patient of the PCN. A REPEAT goes straight to the registered practice.',
  })
  raisePrescription(
    @Arg('input', () => RaisePrescriptionInput, { description: 'What to change: see RaisePrescriptionInput.' })
    input: RaisePrescriptionInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<PrescriptionPayload> {
    return payload(commands(ctx).raise(input));
  }

  @Authorized('HUB_PRESCRIBER')
  @Mutation(() => PrescriptionPayload, {
    description:
      "Issues an ACUTE prescription under the hub's cost centre (active prescribers only): assigns the EPS ids.",
  })
  issuePrescription(
    @Arg('input', () => PrescriptionRefInput, { description: 'What to change: see PrescriptionRefInput.' })
    input: PrescriptionRefInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<PrescriptionPayload> {
    return payload(commands(ctx).issue(input));
  }

  @Authorized('PRACTICE_CLINICIAN')
  @Mutation(() => PrescriptionPayload, {
    description: 'The registered practice issues a repeat the hub sent for reconciliation.',
  })
  issueRepeatAtPractice(
    @Arg('input', () => PrescriptionRefInput, { description: 'What to change: see PrescriptionRefInput.' })
    input: PrescriptionRefInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<PrescriptionPayload> {
    return payload(commands(ctx).issueAtPractice(input));
  }

  @Authorized('PRACTICE_CLINICIAN')
  @Mutation(() => PrescriptionPayload, {
    description: 'The registered practice rejects a repeat the hub sent, with a reason.',
  })
  rejectPrescription(
    @Arg('input', () => PrescriptionReasonInput, { description: 'What to change: see PrescriptionReasonInput.' })
    input: PrescriptionReasonInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<PrescriptionPayload> {
    return payload(commands(ctx).reject(input));
  }

  @Authorized(...PRESCRIPTION_CANCELLERS)
  @Mutation(() => PrescriptionPayload, {
    description:
      'Cancels a prescription before dispensing, with a reason: before issue the hub; once issued, a prescriber of whoever issued it.',
  })
  cancelPrescription(
    @Arg('input', () => PrescriptionReasonInput, { description: 'What to change: see PrescriptionReasonInput.' })
    input: PrescriptionReasonInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<PrescriptionPayload> {
    return payload(commands(ctx).cancel(input));
  }

  @Authorized('INTEGRATION')
  @Mutation(() => PrescriptionPayload, {
    description: 'The dispensing tracker reports an issued prescription dispensed (terminal).',
  })
  recordPrescriptionDispensed(
    @Arg('input', () => PrescriptionRefInput, { description: 'What to change: see PrescriptionRefInput.' })
    input: PrescriptionRefInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<PrescriptionPayload> {
    return payload(commands(ctx).recordDispensed(input));
  }

  @FieldResolver(() => [PrescriptionItemType], { description: 'The items, in line order.' })
  items(
    @Root() p: PrescriptionType,
    @Ctx() ctx: RequestContext,
  ): PrescriptionItemType[] | Promise<PrescriptionItemType[]> {
    // Joined by the page read; answered without a promise (a page of 50 resolves it 50 times).
    if (p.joined?.items) return p.joined.items;
    return itemsByPrescription(p.scope ?? ctx)
      .load(p.dbId)
      .then((rows) => rows.map(toPrescriptionItemType));
  }

  @FieldResolver(() => [PrescriptionTransitionType], { description: 'Every state change, oldest first.' })
  async history(@Root() p: PrescriptionType, @Ctx() ctx: RequestContext): Promise<PrescriptionTransitionType[]> {
    return (await historyByPrescription(p.scope ?? ctx).load(p.dbId)).map(toTransitionType);
  }

  @FieldResolver(() => PatientType, {
    nullable: true,
    description:
      'The patient, when the patients policy lets you see them (null otherwise, and for a plugin without patients:read).',
  })
  patient(@Root() p: PrescriptionType, @Ctx() ctx: RequestContext): PatientType | null | Promise<PatientType | null> {
    if (!ctx.actor || !mayReadDemographics(ctx.actor)) return null;
    // Joined by the page read under the same rule (the patients policy): null where it hides the patient.
    if (p.joined?.patient !== undefined) return p.joined.patient;
    return visiblePatient(ctx, ctx.actor, p.patientId);
  }

  @FieldResolver(() => OrganisationType, { description: "The patient's registered practice when raised." })
  registeredPractice(
    @Root() p: PrescriptionType,
    @Ctx() ctx: RequestContext,
  ): OrganisationType | Promise<OrganisationType> {
    return p.joined?.registeredPractice ?? organisation(ctx, p.registeredPracticeId);
  }

  @FieldResolver(() => OrganisationType, { description: 'The hub that raised it.' })
  hub(@Root() p: PrescriptionType, @Ctx() ctx: RequestContext): OrganisationType | Promise<OrganisationType> {
    return p.joined?.hub ?? organisation(ctx, p.hubId);
  }

  @FieldResolver(() => HubServiceType, { nullable: true, description: 'The hub service it was raised in.' })
  async hubService(@Root() p: PrescriptionType, @Ctx() ctx: RequestContext): Promise<HubServiceType | null> {
    if (!p.hubServiceId) return null;
    const service = await hubServiceById(ctx).load(p.hubServiceId);
    return service ? toHubServiceType(service) : null;
  }
}
