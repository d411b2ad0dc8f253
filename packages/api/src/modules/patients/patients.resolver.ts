import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, FieldResolver, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PluginScope } from '../../platform/auth/plugin-scope.js';
import { NHSNumberScalar } from '@pcn-hub/schema';
import type { AuthenticatedContext, RequestContext } from '../../platform/context.js';
import { selectedFields } from '../../platform/graphql/lookahead.js';
import { pageSize, toConnection } from '../../platform/graphql/relay.js';
import { OrganisationType, organisationById, toOrganisationType } from '../organisations/index.js';
import { toPatientType } from './patients.mappers.js';
import { PATIENT_READERS, PATIENT_REGISTRARS } from './patients.policy.js';
import { PatientService, patientCursor } from './patients.service.js';
import { PatientConnection, PatientType, RegisterPatientInput, RegisterPatientPayload } from './patients.types.js';
import { AuthCtx } from '../../platform/auth/auth-context.js';

const service = (ctx: AuthenticatedContext) => new PatientService(ctx);

@Resolver(() => PatientType)
export class PatientResolver {
  @Authorized(...PATIENT_READERS)
  @PluginScope('patients:read')
  @Query(() => PatientType, {
    description:
      "A patient by NHS number. Patients outside the viewer's practice (or PCN, for the hub) answer NOT_FOUND. Audited.",
  })
  async patient(
    @Arg('nhsNumber', () => NHSNumberScalar, { description: 'NHS number.' }) nhsNumber: string,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<PatientType> {
    return toPatientType(await service(ctx).byNhsNumber(nhsNumber));
  }

  @Authorized(...PATIENT_READERS)
  @Query(() => PatientConnection, {
    description: 'Patients visible to the viewer, by NHS number or family-name prefix. Audited per patient returned.',
  })
  async patients(
    @Arg('search', () => String, { nullable: true, description: 'An NHS number, or the start of a family name.' })
    search: string | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1-200 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor from a previous page.' }) after: string | null,
    @AuthCtx() ctx: AuthenticatedContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InstanceType<typeof PatientConnection>> {
    const size = pageSize(first);
    // One statement reads the page (with the registered practice when asked) and writes its audit rows.
    const registeredPractice = selectedFields(info, ['edges', 'node']).has('registeredPractice');
    const rows = await service(ctx).search(search ?? null, size, after ?? null, registeredPractice);
    return toConnection(rows, size, Boolean(after), (row) => row, patientCursor);
  }

  @Authorized(...PATIENT_REGISTRARS)
  @Mutation(() => RegisterPatientPayload, {
    description: 'Registers a patient at a member practice (hub managers: any; practice admins: their own).',
  })
  async registerPatient(
    @Arg('input', () => RegisterPatientInput, { description: 'What to change: see RegisterPatientInput.' })
    input: RegisterPatientInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<RegisterPatientPayload> {
    return { patient: toPatientType(await service(ctx).register(input)) };
  }

  @FieldResolver(() => OrganisationType, { description: 'The practice the patient is registered with.' })
  async registeredPractice(@Root() patient: PatientType, @Ctx() ctx: RequestContext): Promise<OrganisationType> {
    if (patient.joinedRegisteredPractice) return patient.joinedRegisteredPractice;
    const org = await organisationById(ctx).load(patient.registeredPracticeId);
    return toOrganisationType(org!);
  }
}
