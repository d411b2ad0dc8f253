import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AuthenticatedContext, RequestContext } from '../../platform/context.js';
import { pageSize, toConnection } from '../../platform/graphql/relay.js';
import { DateTime } from '../../platform/graphql/scalars.js';
import { HubServiceType, hubServiceById, toHubServiceType } from '../hub-services/index.js';
import type { SlotMode } from './appointments.codes.js';
import { bookById, slotTypeById } from './appointments.loaders.js';
import { toBookType, toSlotType, toSlotTypeType } from './appointments.mappers.js';
import { BOOK_EDITORS, SLOT_READERS } from './appointments.policy.js';
import { AppointmentService, slotCursor } from './appointments.service.js';
import {
  AppointmentBookPayload,
  AppointmentBookType,
  BlockSlotInput,
  CreateAppointmentBookInput,
  CreateSlotSessionInput,
  CreateSlotSessionPayload,
  CreateSlotTypeInput,
  SlotConnection,
  SlotGqlType,
  SlotPayload,
  SlotTypePayload,
  SlotTypeType,
  UnblockSlotInput,
} from './appointments.types.js';
import { SlotModeEnum } from './appointments.enums.js';
import { AuthCtx } from '../../platform/auth/auth-context.js';

const service = (ctx: AuthenticatedContext) => new AppointmentService(ctx);

async function hubService(ctx: RequestContext, id: string): Promise<HubServiceType> {
  return toHubServiceType((await hubServiceById(ctx).load(id))!);
}

@Resolver(() => AppointmentBookType)
export class AppointmentBookResolver {
  @Authorized(...SLOT_READERS)
  @Query(() => [AppointmentBookType], { description: "The appointment books of the PCN's hub, by name." })
  async appointmentBooks(
    @Arg('serviceId', () => ID, { nullable: true, description: 'Only the books of this hub service.' })
    serviceId: string | null,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<AppointmentBookType[]> {
    return (await service(ctx).books(serviceId ?? null)).map(toBookType);
  }

  @Authorized(...BOOK_EDITORS)
  @Mutation(() => AppointmentBookPayload, { description: 'Creates an appointment book for a hub service. Audited.' })
  async createAppointmentBook(
    @Arg('input', () => CreateAppointmentBookInput, { description: 'What to change: see CreateAppointmentBookInput.' })
    input: CreateAppointmentBookInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<AppointmentBookPayload> {
    return { book: toBookType(await service(ctx).createBook(input)) };
  }

  @FieldResolver(() => HubServiceType, { description: 'The service the book serves.' })
  service(@Root() book: AppointmentBookType, @Ctx() ctx: RequestContext): Promise<HubServiceType> {
    return hubService(ctx, book.serviceId);
  }
}

@Resolver(() => SlotTypeType)
export class SlotTypeResolver {
  @Authorized(...SLOT_READERS)
  @Query(() => [SlotTypeType], {
    description: "Slot types of the PCN's hub whose name starts with `search` (case-insensitive), by name.",
  })
  async slotTypes(
    @Arg('search', () => String, { nullable: true, description: 'Start of a name, e.g. U99001-MinorIllness.' })
    search: string | null,
    @Arg('serviceId', () => ID, { nullable: true, description: 'Only the slot types of this hub service.' })
    serviceId: string | null,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<SlotTypeType[]> {
    return (await service(ctx).slotTypes(search ?? null, serviceId ?? null)).map(toSlotTypeType);
  }

  @Authorized(...BOOK_EDITORS)
  @Mutation(() => SlotTypePayload, {
    description: 'Creates a slot type; its name must follow <PCN>-<Service>-<Mode>. Audited.',
  })
  async createSlotType(
    @Arg('input', () => CreateSlotTypeInput, { description: 'What to change: see CreateSlotTypeInput.' })
    input: CreateSlotTypeInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<SlotTypePayload> {
    return { slotType: toSlotTypeType(await service(ctx).createSlotType(input)) };
  }

  @FieldResolver(() => HubServiceType, { description: 'The service the slot type belongs to.' })
  service(@Root() type: SlotTypeType, @Ctx() ctx: RequestContext): Promise<HubServiceType> {
    return hubService(ctx, type.serviceId);
  }
}

@Resolver(() => SlotGqlType)
export class SlotResolver {
  @Authorized(...SLOT_READERS)
  @Query(() => SlotConnection, {
    description:
      "Free future slots of the PCN's hub, earliest first, by service, slot-type name prefix, mode and time range.",
  })
  async freeSlots(
    @Arg('serviceId', () => ID, { nullable: true, description: 'Hub service.' }) serviceId: string | null,
    @Arg('slotType', () => String, {
      nullable: true,
      description: 'Slot-type name or its start, e.g. U99001-MinorIllness.',
    })
    slotType: string | null,
    @Arg('mode', () => SlotModeEnum, { nullable: true, description: 'How the patient is seen.' }) mode: SlotMode | null,
    @Arg('from', () => DateTime, { nullable: true, description: 'Slots starting after this (default now).' })
    from: Date | null,
    @Arg('to', () => DateTime, { nullable: true, description: 'Slots starting before this.' }) to: Date | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1-200 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor from a previous page.' }) after: string | null,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<InstanceType<typeof SlotConnection>> {
    const size = pageSize(first);
    const rows = await service(ctx).freeSlots({ serviceId, slotType, mode, from, to }, size, after ?? null);
    return toConnection(rows, size, Boolean(after), toSlotType, slotCursor);
  }

  @Authorized(...BOOK_EDITORS)
  @Mutation(() => CreateSlotSessionPayload, {
    description: 'Creates a session of back-to-back FREE slots in a book, all or none. Audited.',
  })
  async createSlotSession(
    @Arg('input', () => CreateSlotSessionInput, { description: 'What to change: see CreateSlotSessionInput.' })
    input: CreateSlotSessionInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<CreateSlotSessionPayload> {
    return { slots: (await service(ctx).createSession(input)).map(toSlotType) };
  }

  @Authorized(...BOOK_EDITORS)
  @Mutation(() => SlotPayload, { description: 'Withdraws a FREE slot (BLOCKED). Audited.' })
  async blockSlot(
    @Arg('input', () => BlockSlotInput, { description: 'What to change: see BlockSlotInput.' }) input: BlockSlotInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<SlotPayload> {
    return { slot: toSlotType(await service(ctx).block(input)) };
  }

  @Authorized(...BOOK_EDITORS)
  @Mutation(() => SlotPayload, { description: 'Makes a BLOCKED slot FREE again. Audited.' })
  async unblockSlot(
    @Arg('input', () => UnblockSlotInput, { description: 'What to change: see UnblockSlotInput.' })
    input: UnblockSlotInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<SlotPayload> {
    return { slot: toSlotType(await service(ctx).unblock(input)) };
  }

  @FieldResolver(() => HubServiceType, { description: 'The hub service.' })
  service(@Root() slot: SlotGqlType, @Ctx() ctx: RequestContext): Promise<HubServiceType> {
    return hubService(ctx, slot.serviceId);
  }

  @FieldResolver(() => AppointmentBookType, { description: 'The book it is in.' })
  async book(@Root() slot: SlotGqlType, @Ctx() ctx: RequestContext): Promise<AppointmentBookType> {
    return toBookType((await bookById(ctx).load(slot.bookId))!);
  }

  @FieldResolver(() => SlotTypeType, { description: 'Its slot type.' })
  async slotType(@Root() slot: SlotGqlType, @Ctx() ctx: RequestContext): Promise<SlotTypeType> {
    return toSlotTypeType((await slotTypeById(ctx).load(slot.slotTypeId))!);
  }

  @FieldResolver(() => Boolean, { description: "True when the slot's book is open to GP Connect-style booking." })
  async gpConnectBookable(@Root() slot: SlotGqlType, @Ctx() ctx: RequestContext): Promise<boolean> {
    return (await bookById(ctx).load(slot.bookId))?.gpConnectBookable ?? false;
  }
}
