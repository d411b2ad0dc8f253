import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/harness.js';
import { submit } from '../inbox.testkit.js';

interface Page {
  inbox: {
    totalCount: number;
    edges: { cursor: string; node: { id: string } }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  };
}

const PAGE = `query ($first: Int, $after: String, $last: Int, $before: String, $order: InboxOrder) {
  inbox(organisation: "Y99000", first: $first, after: $after, last: $last, before: $before, orderBy: $order) {
    totalCount
    edges { cursor node { id } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

describeEachDatabase('inbox paging both ways, with a total', (hub) => {
  it('pages forwards, then back with last/before to exactly the pages seen, in every order', async () => {
    for (let i = 0; i < 7; i += 1) await submit(hub(), i);
    for (const order of ['OLDEST', 'URGENCY', 'RED_FLAGS', 'OVERDUE']) {
      const all = await hub().gql<Page>(PAGE, { first: 200, order }, 'hub.anp1');
      expect(all.errors, JSON.stringify(all.errors)).toBeUndefined();
      const ids = all.data!.inbox.edges.map((e) => e.node.id);
      expect(all.data!.inbox.totalCount).toBe(ids.length);
      expect(ids.length).toBeGreaterThanOrEqual(7);

      // Forwards in pages of 3, remembering each page.
      const pages: string[][] = [];
      let after: string | null = null;
      let last: Page['inbox'];
      for (;;) {
        const res: { data?: Page | null } = await hub().gql<Page>(PAGE, { first: 3, after, order }, 'hub.anp1');
        last = res.data!.inbox;
        pages.push(last.edges.map((e) => e.node.id));
        if (!last.pageInfo.hasNextPage) break;
        after = last.pageInfo.endCursor;
      }
      expect(pages.flat()).toEqual(ids);

      // Backwards from the last page's start: the same pages, in reverse, nothing missing or twice.
      let before = last.pageInfo.startCursor;
      for (let p = pages.length - 2; p >= 0; p -= 1) {
        const res = await hub().gql<Page>(PAGE, { last: 3, before, order }, 'hub.anp1');
        expect(res.errors).toBeUndefined();
        const back = res.data!.inbox;
        expect(back.edges.map((e) => e.node.id)).toEqual(pages[p]);
        expect(back.pageInfo.hasNextPage).toBe(true);
        expect(back.pageInfo.hasPreviousPage).toBe(p > 0);
        before = back.pageInfo.startCursor;
      }
    }
  });

  it('refuses both directions at once, and last without before, naming the argument', async () => {
    const page = await hub().gql<Page>(PAGE, { first: 2 }, 'hub.anp1');
    const cursor = page.data!.inbox.pageInfo.endCursor;
    const both = await hub().gql(PAGE, { after: cursor, before: cursor }, 'hub.anp1');
    expect(both.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'before' });
    const lastOnly = await hub().gql(PAGE, { last: 2 }, 'hub.anp1');
    expect(lastOnly.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'last' });
    const forged = await hub().gql(PAGE, { last: 2, before: 'eyJ4IjoxfQ' }, 'hub.anp1');
    expect(forged.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'before' });
  });
});
