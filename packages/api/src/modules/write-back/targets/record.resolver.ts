import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AuthenticatedContext, RequestContext } from '../../../platform/context.js';
import { OrganisationType, organisationById, toOrganisationType } from '../../organisations/index.js';
import { PatientType } from '../../patients/index.js';
import { toWrittenBackEntryType } from '../write-back.mappers.js';
import { WriteBackTargetService } from './targets.service.js';
import { WrittenBackEntryType } from '../write-back.types.js';
import { AuthCtx } from '../../../platform/auth/auth-context.js';

/** The in-hub practice record: entries written back to the viewer's practice for this patient. */
@Resolver(() => PatientType)
export class PracticeRecordResolver {
  @FieldResolver(() => [WrittenBackEntryType], {
    description:
      'Entries written back into the viewer\'s practice record for this patient ("Enterprise Consultation"), newest first. Practice staff only; others get an empty list. Audited.',
  })
  async writtenBackEntries(
    @Root() patient: PatientType,
    @Arg('includeArchived', () => Boolean, {
      nullable: true,
      description: 'Also list replaced versions and removal notices.',
    })
    includeArchived: boolean | null,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<WrittenBackEntryType[]> {
    const rows = await new WriteBackTargetService(ctx).practiceRecord(patient.dbId, includeArchived ?? false);
    return rows.map(toWrittenBackEntryType);
  }
}

@Resolver(() => WrittenBackEntryType)
export class WrittenBackEntryResolver {
  @FieldResolver(() => OrganisationType, { nullable: true, description: 'The organisation that authored it.' })
  async sourceOrganisation(
    @Root() entry: WrittenBackEntryType,
    @Ctx() ctx: RequestContext,
  ): Promise<OrganisationType | null> {
    const org = entry.sourceOrgId ? await organisationById(ctx).load(entry.sourceOrgId) : null;
    return org ? toOrganisationType(org) : null;
  }
}
