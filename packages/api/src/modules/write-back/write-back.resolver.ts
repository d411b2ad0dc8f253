import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { OdsCodeScalar } from '@pcn-hub/schema';
import { ROLES, type Role } from '../../platform/auth/roles.js';
import type { AuthenticatedContext, RequestContext } from '../../platform/context.js';
import { expectGlobalId, pageSize, toConnection } from '../../platform/graphql/relay.js';
import { OrganisationType, organisationById, toOrganisationType } from '../organisations/index.js';
import type { AgreementState } from './write-back.codes.js';
import { AgreementStateEnum } from './write-back.enums.js';
import { WriteBackAgreementService } from './agreements/agreements.service.js';
import { WriteBackDeliveryService, deliveryCursor } from './delivery/deliveries.service.js';
import { WriteBackTargetService } from './targets/targets.service.js';
import {
  ConfigureWriteBackTargetInput,
  ConfigureWriteBackTargetPayload,
  RequestWriteBackAgreementInput,
  SetPracticeToPracticeWriteBackInput,
  SetPracticeToPracticeWriteBackPayload,
  WriteBackAgreementInput,
  WriteBackAgreementPayload,
  WriteBackDeliveryInput,
  WriteBackDeliveryPayload,
} from './write-back.inputs.js';
import { toAgreementType, toDeliveryType, toTargetType } from './write-back.mappers.js';
import {
  WriteBackAgreementType,
  WriteBackDeliveryConnection,
  WriteBackDeliveryType,
  WriteBackPolicyType,
  WriteBackStatusType,
  WriteBackTargetType,
} from './write-back.types.js';
import { AuthCtx } from '../../platform/auth/auth-context.js';

/** Staff who may read agreements, the policy and write-back streams. */
export const WRITE_BACK_VIEWERS: readonly Role[] = ROLES.staff;

const agreements = (ctx: AuthenticatedContext) => new WriteBackAgreementService(ctx);
const deliveries = (ctx: AuthenticatedContext) => new WriteBackDeliveryService(ctx);
const targets = (ctx: AuthenticatedContext) => new WriteBackTargetService(ctx);
const agreementId = (input: WriteBackAgreementInput) =>
  expectGlobalId(input.agreementId, 'WriteBackAgreement', 'input.agreementId');

async function organisation(ctx: RequestContext, id: string): Promise<OrganisationType> {
  return toOrganisationType((await organisationById(ctx).load(id))!);
}

@Resolver(() => WriteBackAgreementType)
export class WriteBackAgreementResolver {
  @Authorized(...WRITE_BACK_VIEWERS)
  @Query(() => [WriteBackAgreementType], {
    description: "Write-back agreements of the viewer's PCN (practice staff: those their practice is a side of).",
  })
  async writeBackAgreements(
    @Arg('state', () => AgreementStateEnum, { nullable: true, description: 'Only this state.' })
    state: AgreementState | null,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<WriteBackAgreementType[]> {
    return (await agreements(ctx).list(state ?? null)).map(toAgreementType);
  }

  @Authorized(...ROLES.administrators)
  @Mutation(() => WriteBackAgreementPayload, {
    description:
      'Requests a write-back agreement (hub managers: any pair in the PCN; practice admins: pairs their practice is a side of). It becomes ACTIVE once both sides activate it. Audited.',
  })
  async requestWriteBackAgreement(
    @Arg('input', () => RequestWriteBackAgreementInput, {
      description: 'What to change: see RequestWriteBackAgreementInput.',
    })
    input: RequestWriteBackAgreementInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<WriteBackAgreementPayload> {
    return { agreement: toAgreementType(await agreements(ctx).request(input)) };
  }

  @Authorized(...ROLES.administrators)
  @Mutation(() => WriteBackAgreementPayload, {
    description:
      "Activates the viewer's side: the source side by the source's hub manager or practice admin, the target side by the target's practice admin. ACTIVE once both are. Audited.",
  })
  async activateWriteBackAgreement(
    @Arg('input', () => WriteBackAgreementInput, { description: 'What to change: see WriteBackAgreementInput.' })
    input: WriteBackAgreementInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<WriteBackAgreementPayload> {
    return { agreement: toAgreementType(await agreements(ctx).activate(agreementId(input))) };
  }

  @Authorized(...ROLES.administrators)
  @Mutation(() => WriteBackAgreementPayload, {
    description: "ACTIVE -> SUSPENDED: withdraws the viewer's side (either side's admin, or a hub manager). Audited.",
  })
  async suspendWriteBackAgreement(
    @Arg('input', () => WriteBackAgreementInput, { description: 'What to change: see WriteBackAgreementInput.' })
    input: WriteBackAgreementInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<WriteBackAgreementPayload> {
    return { agreement: toAgreementType(await agreements(ctx).suspend(agreementId(input))) };
  }

  @Authorized(...ROLES.administrators)
  @Mutation(() => WriteBackAgreementPayload, {
    description: "Ends an agreement for good (either side's admin, or a hub manager). Audited.",
  })
  async revokeWriteBackAgreement(
    @Arg('input', () => WriteBackAgreementInput, { description: 'What to change: see WriteBackAgreementInput.' })
    input: WriteBackAgreementInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<WriteBackAgreementPayload> {
    return { agreement: toAgreementType(await agreements(ctx).revoke(agreementId(input))) };
  }

  @Authorized(...WRITE_BACK_VIEWERS)
  @Query(() => WriteBackPolicyType, { description: "The PCN's write-back switches." })
  async writeBackPolicy(@AuthCtx() ctx: AuthenticatedContext): Promise<WriteBackPolicyType> {
    return agreements(ctx).policy();
  }

  @Authorized('HUB_MANAGER')
  @Mutation(() => SetPracticeToPracticeWriteBackPayload, {
    description: 'Turns practice-to-practice write-back on or off for the PCN (off by default). Audited.',
  })
  async setPracticeToPracticeWriteBack(
    @Arg('input', () => SetPracticeToPracticeWriteBackInput, {
      description: 'What to change: see SetPracticeToPracticeWriteBackInput.',
    })
    input: SetPracticeToPracticeWriteBackInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<SetPracticeToPracticeWriteBackPayload> {
    await agreements(ctx).setPracticeToPractice(input.enabled);
    return { policy: await agreements(ctx).policy() };
  }

  @FieldResolver(() => OrganisationType, { description: 'Whose entries are written back.' })
  source(@Root() a: WriteBackAgreementType, @Ctx() ctx: RequestContext): Promise<OrganisationType> {
    return organisation(ctx, a.sourceId);
  }

  @FieldResolver(() => OrganisationType, { description: 'The practice whose record receives them.' })
  target(@Root() a: WriteBackAgreementType, @Ctx() ctx: RequestContext): Promise<OrganisationType> {
    return organisation(ctx, a.targetId);
  }
}

@Resolver(() => WriteBackDeliveryType)
export class WriteBackDeliveryResolver {
  @Authorized('HUB_MANAGER')
  @Query(() => WriteBackDeliveryConnection, { description: "Dead letters of the PCN's write-back, oldest first." })
  async writeBackDeadLetters(
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1-200 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor from a previous page.' }) after: string | null,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<InstanceType<typeof WriteBackDeliveryConnection>> {
    const size = pageSize(first);
    const rows = await deliveries(ctx).deadLetters(size, after ?? null);
    return toConnection(rows, size, Boolean(after), toDeliveryType, deliveryCursor);
  }

  @Authorized('HUB_MANAGER')
  @Mutation(() => WriteBackDeliveryPayload, {
    description:
      'Sends a dead letter again (same message id, fresh attempts). Anything not DEAD is INVALID_TRANSITION. Audited.',
  })
  async redriveWriteBack(
    @Arg('input', () => WriteBackDeliveryInput, { description: 'What to change: see WriteBackDeliveryInput.' })
    input: WriteBackDeliveryInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<WriteBackDeliveryPayload> {
    const id = expectGlobalId(input.deliveryId, 'WriteBackDelivery', 'input.deliveryId');
    return { delivery: toDeliveryType(await deliveries(ctx).redrive(id)) };
  }

  @Authorized('HUB_MANAGER')
  @Mutation(() => WriteBackDeliveryPayload, {
    description: 'Gives up a dead letter for good. Anything not DEAD is INVALID_TRANSITION. Audited.',
  })
  async discardWriteBack(
    @Arg('input', () => WriteBackDeliveryInput, { description: 'What to change: see WriteBackDeliveryInput.' })
    input: WriteBackDeliveryInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<WriteBackDeliveryPayload> {
    const id = expectGlobalId(input.deliveryId, 'WriteBackDelivery', 'input.deliveryId');
    return { delivery: toDeliveryType(await deliveries(ctx).discard(id)) };
  }

  @FieldResolver(() => OrganisationType, { description: 'The registered practice it goes to.' })
  targetOrganisation(@Root() d: WriteBackDeliveryType, @Ctx() ctx: RequestContext): Promise<OrganisationType> {
    return organisation(ctx, d.targetOrgId);
  }
}

@Resolver(() => WriteBackStatusType)
export class WriteBackStatusResolver {
  @FieldResolver(() => OrganisationType, { description: "The patient's registered practice." })
  targetOrganisation(
    @Root() s: WriteBackStatusType,
    @Ctx() ctx: RequestContext,
  ): OrganisationType | Promise<OrganisationType> {
    return s.joinedTargetOrganisation ?? organisation(ctx, s.targetOrgId);
  }
}

@Resolver(() => WriteBackTargetType)
export class WriteBackTargetResolver {
  @Authorized(...ROLES.administrators)
  @Query(() => WriteBackTargetType, {
    description: 'Where a practice receives write-back (practice admins: their own).',
  })
  async writeBackTarget(
    @Arg('practiceOdsCode', () => OdsCodeScalar, { description: 'The practice.' }) practiceOdsCode: string,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<WriteBackTargetType> {
    return toTargetType(await targets(ctx).get(practiceOdsCode));
  }

  @Authorized(...ROLES.administrators)
  @Mutation(() => ConfigureWriteBackTargetPayload, {
    description:
      'Sets where a practice receives write-back (hub managers: any practice; practice admins: their own). Audited.',
  })
  async configureWriteBackTarget(
    @Arg('input', () => ConfigureWriteBackTargetInput, {
      description: 'What to change: see ConfigureWriteBackTargetInput.',
    })
    input: ConfigureWriteBackTargetInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<ConfigureWriteBackTargetPayload> {
    const { view, issuedSecret } = await targets(ctx).configure(input);
    return { target: toTargetType(view), issuedSigningSecret: issuedSecret };
  }

  @FieldResolver(() => OrganisationType, { description: 'The practice.' })
  practice(@Root() t: WriteBackTargetType, @Ctx() ctx: RequestContext): Promise<OrganisationType> {
    return organisation(ctx, t.practiceId);
  }
}
