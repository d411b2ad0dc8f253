import { beforeAll, expect, it } from 'vitest';
import { codeOf, describeEachDatabase, type TestHub } from '../../../test/harness.js';
import { dbIdOf, ok, signpostTo, submit } from '../inbox.testkit.js';
import { OPEN_STATES, type ConsultationState } from '../online-consultation.state.js';

interface Item {
  id: string;
  state: ConsultationState;
  submittedAt: string;
  responseExpectedBy: string | null;
}
interface Page {
  edges: { cursor: string; node: Item }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

const INBOX = `query ($filter: InboxFilter, $order: InboxOrder, $first: Int, $after: String, $last: Int, $before: String) {
  inbox(organisation: "Y99000", filter: $filter, orderBy: $order, first: $first, after: $after, last: $last, before: $before) {
    edges { cursor node { id state submittedAt responseExpectedBy } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

async function page(hub: TestHub, vars: Record<string, unknown>): Promise<Page> {
  const res = await hub.gql<{ inbox: Page }>(INBOX, vars, 'hub.manager');
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.inbox;
}

/** Walks forwards in pages of `size`, then backwards from the last page; both must agree. */
async function walkBothWays(hub: TestHub, vars: Record<string, unknown>, size: number): Promise<string[]> {
  const pages: string[][] = [];
  let after: string | null = null;
  let last: Page;
  for (;;) {
    last = await page(hub, { ...vars, first: size, after });
    pages.push(last.edges.map((e) => e.node.id));
    if (!last.pageInfo.hasNextPage) break;
    after = last.pageInfo.endCursor;
  }
  let before = last.pageInfo.startCursor;
  for (let p = pages.length - 2; p >= 0; p -= 1) {
    const back = await page(hub, { ...vars, last: size, before });
    expect(back.edges.map((e) => e.node.id)).toEqual(pages[p]);
    before = back.pageInfo.startCursor;
  }
  return pages.flat();
}

const isOverdue = (i: Item, now: number) =>
  OPEN_STATES.includes(i.state) && i.responseExpectedBy !== null && Date.parse(i.responseExpectedBy) < now;
/** The overdue-first key: response-expected-by while open, else after everything; then submission, then id. */
const dueKey = (i: Item) =>
  OPEN_STATES.includes(i.state) && i.responseExpectedBy ? Date.parse(i.responseExpectedBy) : Infinity;
const overdueFirst = (a: Item, b: Item) =>
  dueKey(a) - dueKey(b) ||
  Date.parse(a.submittedAt) - Date.parse(b.submittedAt) ||
  (dbIdOf(a.id) < dbIdOf(b.id) ? -1 : 1);

describeEachDatabase('inbox: the OVERDUE folder and the overdue-first order', (hub) => {
  const NAMES = ['o1', 'o2', 'o3', 'c1', 'c2', 'f1', 'f2', 'n1', 'n2'] as const;
  const ids = {} as Record<(typeof NAMES)[number], string>;
  const dueAt = (name: (typeof NAMES)[number], at: string | null) =>
    hub().sql('update online_consultation set response_expected_by = ? where id = ?', [at, dbIdOf(ids[name])]);
  /** Closes a claimed consultation remotely (advice given) and completes it. */
  const closeRemotely = async (name: (typeof NAMES)[number]) => {
    const consultationId = ids[name];
    await ok(
      hub(),
      'signpostConsultation',
      signpostTo(consultationId, 'CLOSED_REMOTELY', { urgency: 'ROUTINE' }),
      'hub.anp1',
    );
    await ok(hub(), 'completeConsultation', { consultationId, outcome: 'Advice given' }, 'hub.anp1');
  };

  beforeAll(async () => {
    const base = Date.now() - 3_600_000;
    for (const [k, name] of NAMES.entries()) {
      // Pairs share a submission time, so ties break on id.
      const submittedAt = new Date(base + Math.floor(k / 2) * 1000).toISOString();
      ids[name] = (
        await submit(hub(), 200 + k, { submittedAt, ...(name.startsWith('n') ? { responseExpectedBy: null } : {}) })
      ).consultationId;
    }
    await ok(hub(), 'claimConsultation', { consultationId: ids.o2 }, 'hub.anp1');
    await ok(hub(), 'claimConsultation', { consultationId: ids.o3 }, 'hub.anp1');
    const toAdmin = signpostTo(ids.o3, 'ADMIN_QUEUE', { team: 'CARE_COORDINATOR', urgency: 'ROUTINE' });
    await ok(hub(), 'signpostConsultation', toAdmin, 'hub.anp1');
    for (const closed of ['c1', 'c2'] as const)
      await ok(hub(), 'claimConsultation', { consultationId: ids[closed] }, 'hub.anp1');
    await closeRemotely('c1');
    await ok(hub(), 'cancelConsultation', { consultationId: ids.c2, reason: 'Duplicate' }, 'hub.anp1');
    // Past response times: three open (overdue, o1 the most), two closed (never overdue).
    await dueAt('o3', '2020-01-03T10:00:00Z');
    await dueAt('o2', '2020-01-02T10:00:00Z');
    await dueAt('o1', '2020-01-01T10:00:00Z');
    await dueAt('c1', '2019-12-31T10:00:00Z');
    await dueAt('c2', '2019-12-31T10:00:00Z');
    await dueAt('f1', new Date(Date.now() + 3_600_000).toISOString());
  });

  it('OVERDUE holds exactly the open consultations past their response-expected-by time, and counts them', async () => {
    const now = Date.now();
    const all = (await page(hub(), { first: 200 })).edges.map((e) => e.node);
    const expected = all.filter((i) => isOverdue(i, now)).map((i) => i.id);
    expect(expected).toEqual(expect.arrayContaining([ids.o1, ids.o2, ids.o3]));
    expect(expected).not.toContain(ids.c1);
    expect(expected).not.toContain(ids.f1);
    expect(await walkBothWays(hub(), { filter: { folder: 'OVERDUE' } }, 2)).toEqual(expected);
    const counts = await hub().gql<{ inbox: { folderCounts: { folder: string; count: number }[] } }>(
      'query { inbox(organisation: "Y99000", first: 1) { folderCounts { folder count } } }',
      {},
      'hub.manager',
    );
    expect(counts.data!.inbox.folderCounts.find((f) => f.folder === 'OVERDUE')!.count).toBe(expected.length);
  });

  it('orders overdue first (most overdue first), then by when due, then the rest oldest first, paging both ways', async () => {
    const all = (await page(hub(), { first: 200 })).edges.map((e) => e.node);
    const expected = [...all].sort(overdueFirst).map((i) => i.id);
    const walked = await walkBothWays(hub(), { order: 'OVERDUE' }, 2);
    expect(walked).toEqual(expected);
    expect(walked.slice(0, 3)).toEqual([ids.o1, ids.o2, ids.o3]);
    expect(walked.indexOf(ids.f1)).toBeLessThan(walked.indexOf(ids.f2));
    expect(walked.indexOf(ids.f2)).toBeLessThan(walked.indexOf(ids.c1));
    // Within the open folders, filter and order combine.
    const open = await walkBothWays(hub(), { filter: { folder: 'ALL_OPEN' }, order: 'OVERDUE' }, 3);
    const openIds = new Set(all.filter((i) => OPEN_STATES.includes(i.state)).map((i) => i.id));
    expect(open).toEqual(expected.filter((id) => openIds.has(id)));
  });

  it('leaves OVERDUE when the consultation is completed (the database keeps the key in step)', async () => {
    await ok(hub(), 'claimConsultation', { consultationId: ids.o1 }, 'hub.anp1');
    await closeRemotely('o1');
    const overdue = (await page(hub(), { filter: { folder: 'OVERDUE' }, first: 200 })).edges.map((e) => e.node.id);
    expect(overdue).not.toContain(ids.o1);
    expect(overdue.slice(0, 2)).toEqual([ids.o2, ids.o3]);
    const [row] = await hub().sql<{ due_at: Date }>('select due_at from online_consultation where id = ?', [
      dbIdOf(ids.o1),
    ]);
    expect(new Date(row!.due_at).toISOString()).toBe('9999-12-31T00:00:00.000Z');
  });

  it('refuses a cursor of another order or a forged one, naming the argument', async () => {
    const oldest = await page(hub(), { first: 1 });
    const mixed = await hub().gql(
      INBOX,
      { order: 'OVERDUE', first: 1, after: oldest.pageInfo.endCursor },
      'hub.manager',
    );
    expect([codeOf(mixed), mixed.errors?.[0]?.extensions?.field]).toEqual(['BAD_USER_INPUT', 'after']);
    const forged = Buffer.from(JSON.stringify(['c1', 'not a time', '2021-01-01T00:00:00.000Z', ids.o2])).toString(
      'base64url',
    );
    const bad = await hub().gql(INBOX, { order: 'OVERDUE', last: 1, before: forged }, 'hub.manager');
    expect([codeOf(bad), bad.errors?.[0]?.extensions?.field]).toEqual(['BAD_USER_INPUT', 'before']);
  });
});
