import { Arg, Authorized, Mutation, Resolver } from 'type-graphql';
import type { AuthenticatedContext } from '../../../platform/context.js';
import { expectGlobalId, toGlobalId } from '../../../platform/graphql/relay.js';
import { ENTRY_NODE, toStatusType } from '../write-back.mappers.js';
import { WriteBackResendService } from './resend.service.js';
import { ResendBlockedWriteBackInput, ResendBlockedWriteBackPayload } from './resend.types.js';
import { AuthCtx } from '../../../platform/auth/auth-context.js';

@Resolver()
export class WriteBackResendResolver {
  @Authorized('HUB_MANAGER')
  @Mutation(() => ResendBlockedWriteBackPayload, {
    description:
      'Sends entries a save BLOCKED, now that an agreement or the practice-to-practice switch lets them through (any age; the automatic backfill covers WRITE_BACK_BACKFILL_DAYS). Each entry is resent or refused with its reason; each resend is audited.',
  })
  async resendBlockedWriteBack(
    @Arg('input', () => ResendBlockedWriteBackInput, { description: 'What to send: see ResendBlockedWriteBackInput.' })
    input: ResendBlockedWriteBackInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<ResendBlockedWriteBackPayload> {
    const ids = input.entryIds.map((id, i) => expectGlobalId(id, ENTRY_NODE, `input.entryIds[${i}]`));
    const outcome = await new WriteBackResendService(ctx).resend(ids);
    return {
      resent: outcome.resent.map((r) => ({
        entryId: toGlobalId(ENTRY_NODE, r.entryId),
        writeBack: toStatusType(r.status),
      })),
      refused: outcome.refused.map((r) => ({
        entryId: toGlobalId(ENTRY_NODE, r.entryId),
        code: r.code,
        reasons: [...r.reasons],
      })),
    };
  }
}
