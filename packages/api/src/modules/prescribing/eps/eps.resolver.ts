import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { fieldsOf } from '../../../platform/graphql/fields.js';
import { PluginScope } from '../../../platform/auth/plugin-scope.js';
import type { AuthenticatedContext, RequestContext } from '../../../platform/context.js';
import type { EpsOperation } from './eps.codes.js';
import { EpsOperationEnum } from './eps.enums.js';
import { EpsCommands, epsMessagesByPrescription } from './eps.service.js';
import { EpsMessageType, RecordEpsOutcomeInput, RecordEpsOutcomePayload } from './eps.types.js';
import type { EpsMessage } from '../eps-message.entity.js';
import { toPrescriptionType } from '../prescribing.mappers.js';
import { PrescriptionType } from '../prescribing.types.js';
import { AuthCtx } from '../../../platform/auth/auth-context.js';

const commands = (ctx: AuthenticatedContext) => new EpsCommands(ctx);

export function toEpsMessageType(m: EpsMessage): EpsMessageType {
  return {
    ...fieldsOf(m, ['operation', 'status', 'retries', 'errorCode', 'reportedBy', 'createdAt', 'updatedAt']),
    messageId: m.id,
  };
}

/** The EPS outbox on the prescription, and the EPS plugin's report of what EPS answered. */
@Resolver(() => PrescriptionType)
export class EpsResolver {
  @Authorized('INTEGRATION')
  @PluginScope('eps:send')
  @Mutation(() => RecordEpsOutcomePayload, {
    description:
      "The EPS plugin reports what EPS answered to a message of the hub's outbox (ACCEPTED, REJECTED with EPS's code) or that it failed transiently (RETRYING: answer the webhook 5xx and the hub redelivers). Repeating a report is harmless. Audited.",
  })
  async recordEpsOutcome(
    @Arg('input', () => RecordEpsOutcomeInput, { description: 'What to change: see RecordEpsOutcomeInput.' })
    input: RecordEpsOutcomeInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<RecordEpsOutcomePayload> {
    const { message, prescription } = await commands(ctx).recordOutcome(input);
    return { epsMessage: toEpsMessageType(message), prescription: toPrescriptionType(prescription) };
  }

  @FieldResolver(() => [EpsMessageType], {
    description:
      'Its EPS messages (the order when issued at the hub, the cancellation when cancelled after), oldest first, with their status.',
  })
  async epsMessages(@Root() p: PrescriptionType, @Ctx() ctx: RequestContext): Promise<EpsMessageType[]> {
    return (await epsMessagesByPrescription(p.scope ?? ctx).load(p.dbId)).map(toEpsMessageType);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'An EPS message as FHIR R4 JSON text (a message Bundle: MessageHeader, a MedicationRequest per item with its dm+d code, the patient, the prescriber and the cost centre as the organisation), rendered from the prescription as issued; null when it has no such message, and for readers other than hub prescribers and the EPS plugin (eps:send). Audited.',
  })
  async epsBundle(
    @Root() p: PrescriptionType,
    @Arg('operation', () => EpsOperationEnum, {
      defaultValue: 'ORDER',
      description: 'Which message: ORDER (default) or CANCEL.',
    })
    operation: EpsOperation,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<string | null> {
    return commands(ctx).bundle(p.dbId, operation);
  }
}
