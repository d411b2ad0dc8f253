import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { connectionTypes, Node } from '../../platform/graphql/relay.js';
import { DateTime } from '../../platform/graphql/scalars.js';
import type { SlotMode, SlotStatus } from './appointments.codes.js';
import { SlotModeEnum, SlotStatusEnum } from './appointments.enums.js';

@ObjectType('AppointmentBook', { implements: Node, description: 'A hub appointment book, linked to one hub service.' })
export class AppointmentBookType extends Node {
  readonly __typename = 'AppointmentBook' as const;
  dbId!: string;
  serviceId!: string;

  @Field(() => String, { description: 'Name shown to staff.' })
  name!: string;
  @Field(() => Boolean, { description: 'True when practices may book it GP Connect-style.' })
  gpConnectBookable!: boolean;
  @Field(() => String, { nullable: true, description: 'Username of the session holder.' })
  sessionHolder!: string | null;
  @Field(() => Boolean, { description: 'False when the book is closed.' })
  active!: boolean;
}

@ObjectType('SlotType', {
  implements: Node,
  description: 'A kind of slot, named <PCN>-<Service>-<Mode> so practices can search for it.',
})
export class SlotTypeType extends Node {
  readonly __typename = 'SlotType' as const;
  dbId!: string;
  serviceId!: string;

  @Field(() => String, { description: 'Name following the convention, e.g. U99001-MinorIllness-F2F.' })
  name!: string;
  @Field(() => SlotModeEnum, { description: "The mode named by the name's suffix; every slot of the type has it." })
  mode!: SlotMode;
  @Field(() => String, { nullable: true, description: 'What the slot type is for.' })
  description!: string | null;
}

@ObjectType('Slot', { implements: Node, description: 'A bookable time in a hub appointment book.' })
export class SlotGqlType extends Node {
  readonly __typename = 'Slot' as const;
  dbId!: string;
  serviceId!: string;
  bookId!: string;
  slotTypeId!: string;

  @Field(() => DateTime, { description: 'Start.' })
  startsAt!: Date;
  @Field(() => DateTime, { description: 'End.' })
  endsAt!: Date;
  @Field(() => SlotModeEnum, { description: 'How the patient is seen.' })
  mode!: SlotMode;
  @Field(() => SlotStatusEnum, { description: 'Whether it can be booked.' })
  status!: SlotStatus;
  @Field(() => String, { nullable: true, description: 'Why the hub blocked it.' })
  blockedReason!: string | null;
}

export const { Connection: SlotConnection } = connectionTypes('Slot', SlotGqlType, 'A page of slots, earliest first.');

@InputType('CreateAppointmentBookInput', { description: 'A new appointment book for a hub service.' })
export class CreateAppointmentBookInput {
  @Field(() => ID, { description: 'The hub service the book serves.' })
  serviceId!: string;
  @Field(() => String, { description: 'Name, 1-200 characters, unique at the hub.' })
  name!: string;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Open the book to GP Connect-style booking (needs a session holder). Default false.',
  })
  gpConnectBookable?: boolean | null;
  @Field(() => String, {
    nullable: true,
    description: 'Username of the session holder: an active hub clinician with a role the service requires.',
  })
  sessionHolder?: string | null;
}

@InputType('CreateSlotTypeInput', { description: 'A new slot type.' })
export class CreateSlotTypeInput {
  @Field(() => ID, { description: 'The hub service the slot type belongs to.' })
  serviceId!: string;
  @Field(() => String, { description: '<PCN>-<Service>-<Mode>, e.g. U99001-MinorIllness-TEL; mode F2F, TEL or VID.' })
  name!: string;
  @Field(() => String, { nullable: true, description: 'What it is for, up to 500 characters.' })
  description?: string | null;
}

@InputType('CreateSlotSessionInput', { description: 'A session of back-to-back slots in one book.' })
export class CreateSlotSessionInput {
  @Field(() => ID, { description: 'The appointment book.' })
  bookId!: string;
  @Field(() => ID, { description: "A slot type of the book's service; its mode becomes the slots' mode." })
  slotTypeId!: string;
  @Field(() => DateTime, { description: 'Start of the first slot; in the future.' })
  start!: Date;
  @Field(() => DateTime, { description: 'The last slot ends at or before this; at most 12 hours after start.' })
  end!: Date;
  @Field(() => Int, { description: 'Length of each slot in minutes, 5-240.' })
  slotMinutes!: number;
}

@InputType('BlockSlotInput', { description: 'A free slot to withdraw.' })
export class BlockSlotInput {
  @Field(() => ID, { description: 'The slot.' })
  slotId!: string;
  @Field(() => String, { description: 'Why, 1-500 characters (no patient data).' })
  reason!: string;
}

@InputType('UnblockSlotInput', { description: 'A blocked slot to make bookable again.' })
export class UnblockSlotInput {
  @Field(() => ID, { description: 'The slot.' })
  slotId!: string;
}

@ObjectType('CreateSlotSessionPayload', { description: 'Result of createSlotSession.' })
export class CreateSlotSessionPayload {
  @Field(() => [SlotGqlType], { description: 'The slots created, earliest first.' })
  slots!: SlotGqlType[];
}

@ObjectType('AppointmentBookPayload', { description: 'Result of createAppointmentBook.' })
export class AppointmentBookPayload {
  @Field(() => AppointmentBookType, { description: 'The book created.' })
  book!: AppointmentBookType;
}

@ObjectType('SlotTypePayload', { description: 'Result of createSlotType.' })
export class SlotTypePayload {
  @Field(() => SlotTypeType, { description: 'The slot type created.' })
  slotType!: SlotTypeType;
}

@ObjectType('SlotPayload', { description: 'Result of blockSlot and unblockSlot.' })
export class SlotPayload {
  @Field(() => SlotGqlType, { description: 'The slot after the change.' })
  slot!: SlotGqlType;
}
