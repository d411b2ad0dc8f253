import { beforeAll, expect, it } from 'vitest';
import { codeOf, describeEachDatabase, type TestHub } from '../../../test/harness.js';
import { URGENCIES } from '../inbox.codes.js';
import { INBOX_FOLDERS, countFolders, folderFilter, type ConsultationState } from '../online-consultation.state.js';
import { dbIdOf, ok, submission, submit } from '../inbox.testkit.js';

interface Item {
  id: string;
  supplierReference: string;
  state: ConsultationState;
  type: 'CLINICAL' | 'ADMIN';
  submittedAt: string;
  urgency: string | null;
  redFlagCount: number;
  patient: { id: string } | null;
  originatingPractice: { odsCode: string };
  lock: { holder: string } | null;
}

const ITEM =
  'id supplierReference state type submittedAt urgency redFlagCount patient { id } originatingPractice { odsCode } lock { holder }';
const INBOX = `query Inbox($org: OdsCode!, $filter: InboxFilter, $order: InboxOrder, $first: Int, $after: String) {
  inbox(organisation: $org, filter: $filter, orderBy: $order, first: $first, after: $after) {
    edges { cursor node { ${ITEM} } }
    pageInfo { hasNextPage endCursor }
  }
}`;

type Page = { edges: { cursor: string; node: Item }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

async function page(hub: TestHub, vars: Record<string, unknown>, as = 'hub.manager'): Promise<Page> {
  const res = await hub.gql<{ inbox: Page }>(INBOX, { org: 'Y99000', ...vars }, as);
  expect(res.errors).toBeUndefined();
  return res.data!.inbox;
}

/** Every item of the hub inbox matching `vars`, walking pages of `size`. */
async function walk(hub: TestHub, vars: Record<string, unknown>, size: number): Promise<Item[]> {
  const items: Item[] = [];
  let after: string | null = null;
  for (;;) {
    const p: Page = await page(hub, { ...vars, first: size, after });
    items.push(...p.edges.map((e) => e.node));
    if (!p.pageInfo.hasNextPage) return items;
    after = p.pageInfo.endCursor;
  }
}

const byKey = (key: (i: Item) => (string | number)[]) => (a: Item, b: Item) => {
  const ka = [...key(a), dbIdOf(a.id)];
  const kb = [...key(b), dbIdOf(b.id)];
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! < kb[i]! ? -1 : 1;
  return 0;
};
const rank = (i: Item) => (i.urgency ? URGENCIES.indexOf(i.urgency as never) : URGENCIES.length);
const ORDERS = {
  OLDEST: byKey((i) => [Date.parse(i.submittedAt)]),
  URGENCY: byKey((i) => [rank(i), Date.parse(i.submittedAt)]),
  RED_FLAGS: byKey((i) => [-i.redFlagCount, Date.parse(i.submittedAt)]),
};

describeEachDatabase('inbox query', (hub) => {
  let all: Item[] = [];

  beforeAll(async () => {
    const base = Date.now() - 3_600_000;
    for (let i = 0; i < 60; i++) {
      const overrides: Record<string, unknown> = {
        // Pairs share a submission time, so ties break on id.
        submittedAt: new Date(base + Math.floor(i / 2) * 1000).toISOString(),
        type: i % 3 === 0 ? 'ADMIN' : 'CLINICAL',
        redFlags: Array.from({ length: i % 4 }, (_, k) => ({ questionId: `q${k}`, description: `Flag ${k}` })),
      };
      if (i % 5 === 0) overrides.patient = { ...(submission(i + 100).patient as object), dateOfBirth: '1901-01-01' };
      await submit(hub(), i + 100, overrides);
    }
    all = await walk(hub(), {}, 200);
    // Triage a few so urgency, states and locks vary.
    const matched = all.filter((i) => i.state === 'AWAITING_TRIAGE');
    for (const [k, item] of matched.slice(0, 5).entries()) {
      await ok(hub(), 'claimConsultation', { consultationId: item.id }, 'hub.anp1');
      await ok(
        hub(),
        'signpostConsultation',
        {
          consultationId: item.id,
          team: 'CARE_COORDINATOR',
          urgency: URGENCIES[k % URGENCIES.length],
          mode: 'TELEPHONE',
          destination: 'ADMIN_QUEUE',
        },
        'hub.anp1',
      );
    }
    await ok(hub(), 'claimConsultation', { consultationId: matched[6]!.id }, 'hub.anp1');
    await ok(hub(), 'claimConsultation', { consultationId: matched[7]!.id }, 'hub.anp1');
    await ok(hub(), 'claimConsultation', { consultationId: matched[8]!.id }, 'hub.anp2');
    all = await walk(hub(), {}, 200);
  });

  it('walks every order page by page: sorted, complete, no duplicates', async () => {
    for (const [order, compare] of Object.entries(ORDERS)) {
      const walked = await walk(hub(), { order }, 7);
      expect(
        walked.map((i) => i.id),
        order,
      ).toEqual([...all].sort(compare).map((i) => i.id));
    }
  });

  it('filters by folder, state, type, urgency, practice, unmatched, red flags and assignment', async () => {
    const cases: [Record<string, unknown>, (i: Item) => boolean, string?][] = [
      [{ folder: 'UNMATCHED' }, (i) => i.state === 'UNMATCHED'],
      [{ folder: 'ADMIN' }, (i) => i.type === 'ADMIN' && folderFilter('ALL_OPEN').states.includes(i.state)],
      [{ states: ['IN_TRIAGE', 'ADMIN_QUEUE'] }, (i) => ['IN_TRIAGE', 'ADMIN_QUEUE'].includes(i.state)],
      [{ type: 'CLINICAL' }, (i) => i.type === 'CLINICAL'],
      [{ urgencies: ['SAME_DAY', 'ROUTINE'] }, (i) => i.urgency === 'SAME_DAY' || i.urgency === 'ROUTINE'],
      [{ originatingPracticeOdsCode: 'Y99013' }, (i) => i.originatingPractice.odsCode === 'Y99013'],
      [{ unmatched: true }, (i) => i.patient === null],
      [{ unmatched: false }, (i) => i.patient !== null],
      [{ hasRedFlags: true }, (i) => i.redFlagCount > 0],
      [{ hasRedFlags: false, type: 'ADMIN' }, (i) => i.redFlagCount === 0 && i.type === 'ADMIN'],
      [{ assignedToMe: true }, (i) => i.lock?.holder === 'hub.anp1', 'hub.anp1'],
    ];
    for (const [filter, keep, as] of cases) {
      const expected = all
        .filter(keep)
        .sort(ORDERS.OLDEST)
        .map((i) => i.id);
      expect(expected.length, JSON.stringify(filter)).toBeGreaterThan(0);
      const got = (await page(hub(), { filter, first: 200 }, as ?? 'hub.manager')).edges.map((e) => e.node.id);
      expect(got, JSON.stringify(filter)).toEqual(expected);
    }
  });

  it('counts folders with the same rules', async () => {
    const res = await hub().gql<{ inbox: { folderCounts: { folder: string; count: number }[] } }>(
      'query { inbox(organisation: "Y99000", first: 1) { folderCounts { folder count } } }',
      {},
      'hub.coord1',
    );
    const expected = countFolders(
      Object.values(
        // None is overdue: every response-expected-by time is two days ahead (inbox-overdue.int.test.ts).
        all.reduce<
          Record<string, { state: ConsultationState; type: 'CLINICAL' | 'ADMIN'; count: number; overdue: number }>
        >((groups, i) => {
          const key = `${i.state}/${i.type}`;
          groups[key] ??= { state: i.state, type: i.type, count: 0, overdue: 0 };
          groups[key].count += 1;
          return groups;
        }, {}),
      ),
    );
    expect(res.data!.inbox.folderCounts).toEqual(INBOX_FOLDERS.map((folder) => ({ folder, count: expected[folder] })));
    expect(expected.ALL_OPEN).toBe(all.length);
  });

  it("refuses any inbox but the viewer's own, and foreign consultation ids answer NOT_FOUND", async () => {
    for (const [org, as, code] of [
      ['Y99011', 'hub.anp1', 'NOT_FOUND'],
      ['Y99000', 'p1.gp', 'NOT_FOUND'],
      ['Y99012', 'p1.gp', 'NOT_FOUND'],
      ['Y99000', 'pcn.analyst', 'FORBIDDEN'],
      ['Y99000', 'oc.supplier', 'FORBIDDEN'],
    ] as const) {
      expect(codeOf(await hub().gql(INBOX, { org }, as)), `${as} on ${org}`).toBe(code);
    }
    // A practice keeping its consultations sees exactly those; another practice sees none of them.
    const set = await hub().gql(
      'mutation { setOnlineConsultationRouting(input: { practiceOdsCode: "Y99012", routing: PRACTICE_INBOX }) { routing { routing } } }',
      {},
      'p2.admin',
    );
    expect(set.errors).toBeUndefined();
    const kept = await submit(hub(), 1);
    const p2 = await hub().gql<{ inbox: Page }>(INBOX, { org: 'Y99012', first: 200 }, 'p2.gp');
    expect(p2.data!.inbox.edges.map((e) => e.node.id)).toEqual([kept.consultationId]);
    const p3 = await hub().gql<{ inbox: Page }>(INBOX, { org: 'Y99013', first: 200 }, 'p3.gp');
    expect(p3.data!.inbox.edges).toEqual([]);
    const detail = 'query($id: ID!) { onlineConsultation(id: $id) { id } }';
    expect(codeOf(await hub().gql(detail, { id: kept.consultationId }, 'p3.gp'))).toBe('NOT_FOUND');
    expect(codeOf(await hub().gql(detail, { id: kept.consultationId }, 'hub.manager'))).toBe('NOT_FOUND');
    expect(codeOf(await hub().gql(detail, { id: 'garbage' }, 'p2.gp'))).toBe('BAD_USER_INPUT');
  });

  it('answers a malformed cursor with BAD_USER_INPUT on after', async () => {
    for (const after of [
      'nope',
      Buffer.from('["c1","x"]').toString('base64url'),
      Buffer.from('["c1",1,"2026-01-01T00:00:00Z","x"]').toString('base64url'),
    ]) {
      const res = await hub().gql(INBOX, { org: 'Y99000', after }, 'hub.manager');
      expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    }
  });

  it('audits one read per consultation returned, with its patient', async () => {
    const before = await hub().sql<{ n: string }>(
      "select count(*) as n from audit_event where actor_id = 'hub.coord2'",
    );
    const p = await page(hub(), { first: 12, order: 'RED_FLAGS' }, 'hub.coord2');
    const rows = await hub().sql<{ subject_id: string; patient_id: string | null; action: string }>(
      "select subject_id, patient_id, action from audit_event where actor_id = 'hub.coord2'",
    );
    expect(rows.length - Number(before[0]!.n)).toBe(12);
    expect(new Set(rows.map((r) => r.action))).toEqual(new Set(['readOnlineConsultation']));
    for (const e of p.edges) {
      const audited = rows.find((r) => r.subject_id === dbIdOf(e.node.id));
      expect(audited?.patient_id ?? null).toBe(e.node.patient?.id ? dbIdOf(e.node.patient.id) : null);
    }
  });

  it('costs the same number of SQL statements for a page of 10 and of 50', async () => {
    const RICH = `query($first: Int) { inbox(organisation: "Y99000", first: $first, orderBy: URGENCY) {
      folderCounts { folder count }
      edges { cursor node { id state submittedPatient { nhsNumber } lock { holder }
        patient { nhsNumber registeredPractice { odsCode } }
        ownerOrganisation { odsCode } originatingPractice { odsCode name }
        signpost { urgency service { name } }
        history { action from to actorId at } } }
      pageInfo { hasNextPage } } }`;
    const logger = hub().app.orm.config.getLogger();
    const original = logger.logQuery.bind(logger);
    let statements = 0;
    logger.logQuery = (context) => {
      statements += 1;
      original(context);
    };
    // The hook also sees the hub's background workers (write-back, webhooks, pruning) when one of
    // them polls during the request; they can only add statements, so the fewest of three runs is
    // the request's own count.
    const count = async (first: number): Promise<number> => {
      let fewest = Number.POSITIVE_INFINITY;
      for (let run = 0; run < 3; run++) {
        statements = 0;
        const res = await hub().gql<{ inbox: Page }>(RICH, { first }, 'hub.anp3');
        expect(res.errors).toBeUndefined();
        expect(res.data!.inbox.edges).toHaveLength(first);
        fewest = Math.min(fewest, statements);
      }
      return fewest;
    };
    try {
      await count(10); // warms the token's organisation cache
      const ten = await count(10);
      const fifty = await count(50);
      expect(fifty).toBe(ten);
      // page (joined to patients and organisations, with its audit insert), folder counts, history,
      // signpost services: the hook sees them all (the staff account is remembered after the first).
      expect(ten).toBeGreaterThanOrEqual(4);
      expect(ten).toBeLessThanOrEqual(8);
    } finally {
      logger.logQuery = original;
    }
  });
});

describeEachDatabase('inbox page audit', (hub) => {
  beforeAll(async () => {
    for (let i = 0; i < 6; i++) await submit(hub(), i);
  });

  /** The audit rows one page wrote: (action, subject, patient, outcome) per consultation, in page order. */
  async function auditOf(selection: string): Promise<{ ids: string[]; rows: string[] }> {
    const [clock] = await hub().sql<{ now: string }>(
      "select to_char(clock_timestamp(), 'YYYY-MM-DD HH24:MI:SS.US') as now",
    );
    const now = clock!.now;
    const res = await hub().gql<{ inbox: { edges: { node: { id: string } }[] } }>(
      `query { inbox(organisation: "Y99000", first: 6) { edges { node { ${selection} } } } }`,
      {},
      'hub.anp2',
    );
    expect(res.errors).toBeUndefined();
    const ids = res.data!.inbox.edges.map((e) => dbIdOf(e.node.id));
    const rows = await hub().sql<{ line: string }>(
      `select a.action || ' ' || a.subject_type || ' ' || a.subject_id || ' ' || coalesce(a.patient_id::text, '-') || ' ' ||
              a.outcome || ' ' || a.actor_id || ' ' || a.organisation_ods as line
         from audit_event a where a.actor_id = 'hub.anp2' and a.at >= ?::timestamptz order by a.subject_id`,
      [now],
    );
    return { ids, rows: rows.map((r) => r.line) };
  }

  it('writes the same audit rows for a page whatever the selection joins: one per consultation, with its patient', async () => {
    const bare = await auditOf('id');
    const joined = await auditOf(
      'id patient { nhsNumber } originatingPractice { name } ownerOrganisation { name } answers { answer }',
    );
    expect(joined.ids).toEqual(bare.ids);
    expect(bare.rows).toHaveLength(6);
    expect(joined.rows).toEqual(bare.rows);
    const expected = await hub().sql<{ line: string }>(
      `select 'readOnlineConsultation OnlineConsultation ' || c.id || ' ' || coalesce(c.patient_id::text, '-') || ' SUCCESS hub.anp2 Y99000' as line
         from online_consultation c where c.id in (${bare.ids.map(() => '?').join(', ')}) order by c.id`,
      bare.ids,
    );
    expect(bare.rows).toEqual(expected.map((r) => r.line));
  });
});
