import { beforeAll, expect, it } from 'vitest';
import { codeOf, describeEachDatabase } from '../../test/harness.js';
import { count, data, firstError, freeSlots, nodes, serviceIds, type Connection } from './appointments.testkit.js';

interface Book {
  id: string;
  name: string;
  gpConnectBookable: boolean;
  sessionHolder: string | null;
  service: { name: string };
}
interface Type {
  id: string;
  name: string;
  mode: string;
}
interface SlotRow {
  id: string;
  startsAt: string;
  endsAt: string;
  mode: string;
  status: string;
  slotType: { name: string };
}
type Free = { freeSlots: Connection<SlotRow> };

const CREATE_BOOK = `mutation($input: CreateAppointmentBookInput!) { createAppointmentBook(input: $input) { book { id name gpConnectBookable sessionHolder service { name } } } }`;
const CREATE_TYPE = `mutation($input: CreateSlotTypeInput!) { createSlotType(input: $input) { slotType { id name mode } } }`;
const CREATE_SESSION = `mutation($input: CreateSlotSessionInput!) { createSlotSession(input: $input) { slots { id startsAt endsAt mode status } } }`;
const FREE = `query($s: ID, $t: String, $m: SlotMode, $from: DateTime, $to: DateTime, $n: Int, $after: String) {
  freeSlots(serviceId: $s, slotType: $t, mode: $m, from: $from, to: $to, first: $n, after: $after) {
    edges { cursor node { id startsAt mode status gpConnectBookable slotType { name } book { name } service { name } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** Midnight UTC `days` from today, plus `hours`. */
const dayAt = (days: number, hours: number) => {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + days, hours));
};

/** createSlotSession's input: a session on day `day` from `from` to `to` o'clock (UTC). */
const sessionOn = (
  bookId: string,
  slotTypeId: string,
  [day, from, to]: [number, number, number],
  slotMinutes: number,
) => ({
  bookId,
  slotTypeId,
  start: dayAt(day, from).toISOString(),
  end: dayAt(day, to).toISOString(),
  slotMinutes,
});

describeEachDatabase('appointment books and slots', (hub) => {
  let services: Record<string, string> = {};
  const createType = (serviceName: string, name: string) =>
    hub().gql(CREATE_TYPE, { input: { serviceId: services[serviceName], name } }, 'hub.manager');

  beforeAll(async () => {
    services = await serviceIds(hub());
  });

  it('creates a book, a conventionally named slot type and a session of slots', async () => {
    const book = (
      await data<{ createAppointmentBook: { book: Book } }>(
        hub(),
        CREATE_BOOK,
        { input: { serviceId: services['Pharmacy'], name: 'Pharmacy clinic (test)' } },
        'hub.coord1',
      )
    ).createAppointmentBook.book;
    expect(book).toMatchObject({
      name: 'Pharmacy clinic (test)',
      gpConnectBookable: false,
      sessionHolder: null,
      service: { name: 'Pharmacy' },
    });
    const type = (
      await data<{ createSlotType: { slotType: Type } }>(
        hub(),
        CREATE_TYPE,
        { input: { serviceId: services['Pharmacy'], name: 'U99001-Pharmacy-TEL' } },
        'hub.manager',
      )
    ).createSlotType.slotType;
    expect(type).toMatchObject({ name: 'U99001-Pharmacy-TEL', mode: 'TELEPHONE' });
    const session = (
      await data<{ createSlotSession: { slots: SlotRow[] } }>(
        hub(),
        CREATE_SESSION,
        { input: sessionOn(book.id, type.id, [9, 9, 11], 20) },
        'hub.manager',
      )
    ).createSlotSession.slots;
    expect(session).toHaveLength(6);
    expect(session.every((s) => s.mode === 'TELEPHONE' && s.status === 'FREE')).toBe(true);
    expect(session[1]!.startsAt).toBe(new Date(dayAt(9, 9).getTime() + 20 * 60_000).toISOString());

    // Overlapping the session refuses the whole new session.
    const before = await count(hub(), 'appointment_slot');
    const overlap = await hub().gql(
      CREATE_SESSION,
      { input: sessionOn(book.id, type.id, [9, 10, 12], 20) },
      'hub.manager',
    );
    expect(firstError(overlap)).toMatchObject({ code: 'CONFLICT', reason: 'SESSION_OVERLAPS' });
    expect(await count(hub(), 'appointment_slot')).toBe(before);

    // The new slots are found by the slot-type name.
    expect((await freeSlots(hub(), 'U99001-Pharmacy')).map((s) => s.id)).toEqual(session.map((s) => s.id));
  });

  const convention = { code: 'BAD_USER_INPUT', field: 'input.name', rule: 'SLOT_TYPE_NAME_CONVENTION' };
  it.each([
    ['without its PCN', 'MinorIllness-F2F', convention],
    ['with a space in the service', 'U99001-Minor Illness-F2F', convention],
    ['with an unknown mode', 'U99001-MinorIllness-FACE', convention],
    ["of another PCN's code", 'U12345-MinorIllness-VID', convention],
    ['already taken', 'U99001-MinorIllness-F2F', { code: 'CONFLICT', reason: 'NAME_TAKEN' }],
  ])('refuses a slot-type name %s (%s), naming the rule, and writes nothing', async (_case, name, error) => {
    expect(firstError(await createType('Minor Illness', name))).toMatchObject(error);
    expect(await count(hub(), 'slot_type', "name like 'U12345%' or name like '%Minor Illness%'")).toBe(0);
  });

  it('a GP Connect-bookable book needs an eligible session holder', async () => {
    const input = { serviceId: services['Enhanced Access'], name: 'EA GP Connect (test)', gpConnectBookable: true };
    expect(firstError(await hub().gql(CREATE_BOOK, { input }, 'hub.manager'))).toMatchObject({
      code: 'BAD_USER_INPUT',
      rule: 'GP_CONNECT_SESSION_HOLDER',
    });
    const admin = await hub().gql(CREATE_BOOK, { input: { ...input, sessionHolder: 'hub.coord1' } }, 'hub.manager');
    expect(firstError(admin)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.sessionHolder' });
    const practiceGp = await hub().gql(CREATE_BOOK, { input: { ...input, sessionHolder: 'p1.gp' } }, 'hub.manager');
    expect(firstError(practiceGp)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.sessionHolder' });
    const book = (
      await data<{ createAppointmentBook: { book: Book } }>(
        hub(),
        CREATE_BOOK,
        { input: { ...input, sessionHolder: 'hub.anp2' } },
        'hub.manager',
      )
    ).createAppointmentBook.book;
    expect(book).toMatchObject({ gpConnectBookable: true, sessionHolder: 'hub.anp2' });
  });

  it('refuses bad sessions and writes nothing', async () => {
    const books = (
      await data<{ appointmentBooks: Book[] }>(hub(), '{ appointmentBooks { id name service { name } } }', {}, 'p1.gp')
    ).appointmentBooks;
    const mi = books.find((b) => b.service.name === 'Minor Illness')!;
    const types = (
      await data<{ slotTypes: Type[] }>(hub(), '{ slotTypes(search: "u99001-") { id name } }', {}, 'p2.gp')
    ).slotTypes;
    expect(types.map((t) => t.name)).toEqual(
      expect.arrayContaining(['U99001-MinorIllness-F2F', 'U99001-EnhancedAccess-VID']),
    );
    const miType = types.find((t) => t.name === 'U99001-MinorIllness-TEL')!;
    const eaType = types.find((t) => t.name === 'U99001-EnhancedAccess-F2F')!;
    const before = await count(hub(), 'appointment_slot');
    const refusals: [Record<string, unknown>, string, Record<string, unknown>][] = [
      [{ start: new Date(Date.now() - 3_600_000).toISOString() }, 'hub.manager', { field: 'input.start' }],
      [{ end: dayAt(20, 8).toISOString() }, 'hub.manager', { field: 'input.end' }],
      [{ slotMinutes: 2 }, 'hub.manager', { field: 'input.slotMinutes' }],
      [{ slotTypeId: eaType.id }, 'hub.manager', { code: 'BAD_USER_INPUT', field: 'input.slotTypeId' }],
      [{}, 'p1.admin', { code: 'FORBIDDEN' }],
    ];
    for (const [over, as, error] of refusals) {
      const input = { ...sessionOn(mi.id, miType.id, [20, 9, 10], 15), ...over };
      expect(firstError(await hub().gql(CREATE_SESSION, { input }, as)), as).toMatchObject(error);
    }
    expect(await count(hub(), 'appointment_slot')).toBe(before);
  });

  it('searches free slots by service, slot type, mode and time, page by page', async () => {
    const all = await data<Free>(hub(), FREE, { t: 'U99001-MinorIllness', n: 200 }, 'p3.gp');
    const found = nodes(all.freeSlots);
    expect(found.length).toBe(5 * 8); // five seeded days, two one-hour sessions of 15-minute slots
    expect(found.every((n) => n.slotType.name.startsWith('U99001-MinorIllness-'))).toBe(true);
    const starts = found.map((n) => n.startsAt);
    expect([...starts].sort()).toEqual(starts);

    const tel = await data<Free>(hub(), FREE, { s: services['Minor Illness'], m: 'TELEPHONE', n: 200 }, 'hub.anp1');
    expect(tel.freeSlots.edges).toHaveLength(20);
    expect(nodes(tel.freeSlots).every((n) => n.mode === 'TELEPHONE')).toBe(true);

    const window = await data<Free>(
      hub(),
      FREE,
      { t: 'U99001-MinorIllness', from: dayAt(2, 0).toISOString(), to: dayAt(3, 0).toISOString(), n: 200 },
      'p3.gp',
    );
    expect(window.freeSlots.edges).toHaveLength(8);

    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: Free = await data<Free>(hub(), FREE, { t: 'U99001-MinorIllness', n: 7, after }, 'p3.gp');
      seen.push(...nodes(page.freeSlots).map((n) => n.id));
      after = page.freeSlots.pageInfo.hasNextPage ? page.freeSlots.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(found.map((n) => n.id));

    const bad = await hub().gql(FREE, { from: dayAt(3, 0).toISOString(), to: dayAt(2, 0).toISOString() }, 'p3.gp');
    expect(firstError(bad)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    expect(codeOf(await hub().gql(FREE, { after: 'not-a-cursor' }, 'p3.gp'))).toBe('BAD_USER_INPUT');
  });

  it('a blocked slot is not offered until unblocked', async () => {
    const [slot] = await freeSlots(hub(), 'U99001-Physio');
    const blocked = await data<{ blockSlot: { slot: { id: string; status: string; blockedReason: string } } }>(
      hub(),
      `mutation($i: BlockSlotInput!) { blockSlot(input: $i) { slot { id status blockedReason } } }`,
      { i: { slotId: slot!.id, reason: 'Clinician on leave' } },
      'hub.coord1',
    );
    expect(blocked.blockSlot.slot).toEqual({ id: slot!.id, status: 'BLOCKED', blockedReason: 'Clinician on leave' });
    expect((await freeSlots(hub(), 'U99001-Physio')).map((s) => s.id)).not.toContain(slot!.id);
    const again = await hub().gql(
      `mutation($i: BlockSlotInput!) { blockSlot(input: $i) { slot { status } } }`,
      { i: { slotId: slot!.id, reason: 'x' } },
      'hub.coord1',
    );
    expect(firstError(again)).toMatchObject({ code: 'CONFLICT', reason: 'SLOT_NOT_FREE' });
    const unblocked = await data<{
      unblockSlot: { slot: { id: string; status: string; blockedReason: string | null } };
    }>(
      hub(),
      `mutation($i: UnblockSlotInput!) { unblockSlot(input: $i) { slot { id status blockedReason } } }`,
      { i: { slotId: slot!.id } },
      'hub.coord1',
    );
    expect(unblocked.unblockSlot.slot).toEqual({ id: slot!.id, status: 'FREE', blockedReason: null });
    expect((await freeSlots(hub(), 'U99001-Physio')).map((s) => s.id)).toContain(slot!.id);
  });
});
