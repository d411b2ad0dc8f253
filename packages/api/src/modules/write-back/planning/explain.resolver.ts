import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../../platform/context.js';
import { OrganisationType, organisationById, toOrganisationType } from '../../organisations/index.js';
import { toAgreementType } from '../write-back.mappers.js';
import { agreementRow } from '../agreements/agreements.service.js';
import { WriteBackAgreementType, WriteBackExplanationType } from '../write-back.types.js';

@Resolver(() => WriteBackExplanationType)
export class WriteBackExplanationResolver {
  @FieldResolver(() => OrganisationType, { description: 'The authoring organisation.' })
  async sourceOrganisation(@Root() e: WriteBackExplanationType, @Ctx() ctx: RequestContext): Promise<OrganisationType> {
    return toOrganisationType((await organisationById(ctx).load(e.sourceId))!);
  }

  @FieldResolver(() => OrganisationType, { description: "The patient's registered practice." })
  async targetOrganisation(@Root() e: WriteBackExplanationType, @Ctx() ctx: RequestContext): Promise<OrganisationType> {
    return toOrganisationType((await organisationById(ctx).load(e.targetId))!);
  }

  @FieldResolver(() => WriteBackAgreementType, {
    nullable: true,
    description: 'The agreement found for the pair, in any state.',
  })
  async agreement(
    @Root() e: WriteBackExplanationType,
    @Ctx() ctx: RequestContext,
  ): Promise<WriteBackAgreementType | null> {
    if (!e.agreementDbId) return null;
    const row = await agreementRow(ctx.em, e.agreementDbId);
    return row ? toAgreementType(row) : null;
  }
}
