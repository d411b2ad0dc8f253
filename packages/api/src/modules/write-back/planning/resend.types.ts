import { Field, ID, InputType, ObjectType } from 'type-graphql';
import type { ReplanRefusal } from './backfill.service.js';
import { WriteBackStatusType } from '../write-back.types.js';
import { graphqlEnum } from '../../../platform/graphql/enums.js';

const REFUSALS: readonly ReplanRefusal[] = ['NOT_FOUND', 'NOT_BLOCKED', 'NOTHING_KEPT', 'STILL_BLOCKED'];
export const WriteBackResendRefusalEnum = graphqlEnum(REFUSALS, {
  name: 'WriteBackResendRefusal',
  description: 'Why resendBlockedWriteBack did not send an entry.',
  values: {
    NOT_FOUND: 'No saved entry with this id in the PCN (or never decided).',
    NOT_BLOCKED: 'The entry is not BLOCKED (already sent, pending or not required).',
    NOTHING_KEPT: 'Blocked before the hub kept what to send; save the consultation again instead.',
    STILL_BLOCKED: 'No agreement or switch lets it through yet: see the reasons.',
  },
});

@InputType('ResendBlockedWriteBackInput', { description: 'Blocked entries to send now that an agreement allows them.' })
export class ResendBlockedWriteBackInput {
  @Field(() => [ID], { description: 'Global ids of the entries (HubConsultationEntry), 1-100.' })
  entryIds!: string[];
}

@ObjectType('WriteBackResent', { description: 'An entry planned again and queued for delivery.' })
export class WriteBackResentType {
  @Field(() => ID, { description: 'Global id of the entry.' })
  entryId!: string;
  @Field(() => WriteBackStatusType, { description: 'Its write-back now.' })
  writeBack!: WriteBackStatusType;
}

@ObjectType('WriteBackResendRefused', { description: 'An entry that was not sent, and why.' })
export class WriteBackResendRefusedType {
  @Field(() => ID, { description: 'Global id of the entry.' })
  entryId!: string;
  @Field(() => WriteBackResendRefusalEnum, { description: 'Why not, as a code.' })
  code!: ReplanRefusal;
  @Field(() => [String], { description: "Why not, in words (the decision's reasons when still blocked)." })
  reasons!: string[];
}

@ObjectType('ResendBlockedWriteBackPayload', {
  description: 'Result of resendBlockedWriteBack: each entry resent or refused.',
})
export class ResendBlockedWriteBackPayload {
  @Field(() => [WriteBackResentType], { description: 'Entries planned again and queued, in the order given.' })
  resent!: WriteBackResentType[];
  @Field(() => [WriteBackResendRefusedType], { description: 'Entries not sent, each with its reason.' })
  refused!: WriteBackResendRefusedType[];
}
