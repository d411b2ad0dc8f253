import { expect, it } from 'vitest';
import { describeEachDatabase, type TestHub } from '../test/harness.js';
import { INBOX_FOLDERS } from '../modules/inbox/inbox.testkit.js';
import { seedDemoActivity } from './activity.js';

const INBOX = `query ($org: OdsCode!, $filter: InboxFilter) {
  inbox(organisation: $org, filter: $filter, first: 200) {
    folderCounts { folder count }
    edges { node { id state redFlagCount responseExpectedBy lock { holder } } }
  }
}`;

interface InboxPage {
  inbox: {
    folderCounts: { folder: string; count: number }[];
    edges: {
      node: {
        id: string;
        state: string;
        redFlagCount: number;
        responseExpectedBy: string | null;
        lock: { holder: string } | null;
      };
    }[];
  };
}

async function must<T>(hub: TestHub, query: string, variables: Record<string, unknown>, as: string): Promise<T> {
  const res = await hub.gql<T>(query, variables, as);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!;
}

async function counts(hub: TestHub): Promise<Record<string, number>> {
  const [row] = await hub.sql<Record<string, string | number>>(
    `select (select count(*) from online_consultation) as oc, (select count(*) from consultation) as hc,
            (select count(*) from prescription) as rx, (select count(*) from referral) as referrals,
            (select count(*) from appointment_slot) as slots, (select count(*) from event_log) as events`,
  );
  return Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, Number(v)]));
}

describeEachDatabase(
  'demo activity (SEED_DEMO_ACTIVITY)',
  (hub) => {
    it('seeds in the background after listening and says what it made', async () => {
      const summary = await hub().app.demoActivity;
      expect(summary).toMatchObject({ seeded: true, onlineConsultations: 80 });
      expect(summary!.prescriptions).toBeGreaterThanOrEqual(10);
      expect(summary!.referrals).toBeGreaterThanOrEqual(15);
      expect(summary!.slotsAdded).toBeGreaterThan(0);
    });

    it("fills every folder of the hub inbox; passed-back ones sit in the practices' inboxes", async () => {
      await hub().app.demoActivity;
      const { inbox } = await must<InboxPage>(hub(), INBOX, { org: 'Y99000' }, 'hub.manager');
      const byFolder = Object.fromEntries(inbox.folderCounts.map((f) => [f.folder, f.count]));
      expect(Object.keys(byFolder).sort()).toEqual([...INBOX_FOLDERS].sort());
      const empty = INBOX_FOLDERS.filter((f) => f !== 'PASSED_TO_PRACTICE' && !(byFolder[f]! > 0));
      expect(empty, JSON.stringify(byFolder)).toEqual([]);
      const open = await must<InboxPage>(hub(), INBOX, { org: 'Y99000', filter: { folder: 'ALL_OPEN' } }, 'hub.anp1');
      const nodes = open.inbox.edges.map((e) => e.node);
      expect(nodes.filter((n) => n.lock).map((n) => n.lock!.holder)).toEqual(
        expect.arrayContaining(['hub.anp1', 'hub.anp2']),
      );
      expect(nodes.some((n) => n.redFlagCount > 0)).toBe(true);
      expect(
        nodes.filter((n) => n.responseExpectedBy && new Date(n.responseExpectedBy) < new Date()).length,
      ).toBeGreaterThanOrEqual(3);
      expect(nodes.filter((n) => n.state === 'UNMATCHED').length).toBeGreaterThanOrEqual(3);
      // Passed back: owned by the registered practices now, in their PASSED_TO_PRACTICE folders.
      const [passed] = await hub().sql<{ n: string | number }>(
        "select count(*) as n from online_consultation where state = 'PASSED_TO_PRACTICE'",
      );
      expect(Number(passed!.n)).toBeGreaterThanOrEqual(3);
      const pulled = await hub().sql("select id from online_consultation where routing_reason = 'PULLED_TO_HUB'");
      expect(pulled.length).toBeGreaterThanOrEqual(1);
      let practiceFolders = 0;
      for (const [i, ods] of ['Y99011', 'Y99012', 'Y99013', 'Y99014', 'Y99015', 'Y99016', 'Y99017'].entries()) {
        const page = await must<InboxPage>(hub(), INBOX, { org: ods }, `p${i + 1}.gp`);
        practiceFolders += page.inbox.folderCounts.find((f) => f.folder === 'PASSED_TO_PRACTICE')!.count;
      }
      expect(practiceFolders).toBe(Number(passed!.n));
    });

    it('writes back hub consultations: delivered to practices, blocked practice to practice, retrying to an offline practice', async () => {
      await hub().app.demoActivity;
      const deadline = Date.now() + 20_000;
      let states: Record<string, number> = {};
      while (Date.now() < deadline) {
        const rows = await hub().sql<{ state: string; n: string | number }>(
          `select coalesce(d.state, r.decision) as state, count(*) as n
             from write_back_record r left join write_back_delivery d on d.id = r.current_delivery_id group by 1`,
        );
        states = Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
        if ((states.DELIVERED ?? 0) >= 8) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(states.DELIVERED, JSON.stringify(states)).toBeGreaterThanOrEqual(8);
      expect(states.BLOCKED, JSON.stringify(states)).toBeGreaterThanOrEqual(2);
      const notYet =
        (states.PENDING ?? 0) +
        (states.RETRYING ?? 0) +
        (states.SENDING ?? 0) +
        (states.WAITING ?? 0) +
        (states.DEAD ?? 0);
      expect(notYet, JSON.stringify(states)).toBeGreaterThanOrEqual(2);
      const [drafts] = await hub().sql<{ n: string | number }>(
        "select count(*) as n from consultation where state = 'DRAFT'",
      );
      expect(Number(drafts!.n)).toBeGreaterThanOrEqual(1);
    });

    it('has acute and repeat prescriptions in several states, and referrals by every method', async () => {
      await hub().app.demoActivity;
      const rx = await hub().sql<{ course_of_therapy: string; state: string }>(
        'select distinct course_of_therapy, state from prescription',
      );
      const rxKeys = rx.map((r) => `${r.course_of_therapy}:${r.state}`);
      expect(rxKeys).toEqual(
        expect.arrayContaining([
          'ACUTE:RAISED',
          'ACUTE:ISSUED',
          'ACUTE:DISPENSED',
          'ACUTE:CANCELLED',
          'REPEAT:PENDING_PRACTICE_RECONCILIATION',
          'REPEAT:ISSUED',
          'REPEAT:REJECTED',
        ]),
      );
      const referrals = await hub().sql<{ method: string; state: string }>(
        'select distinct method, state from referral',
      );
      expect(new Set(referrals.map((r) => r.method))).toEqual(
        new Set([
          'CROSS_ORGANISATION_BOOKING',
          'CROSS_ORGANISATION_TASK',
          'DOCUMENT_SEND',
          'GP_CONNECT_BOOKING',
          'INBOX_SIGNPOST',
        ]),
      );
      expect(new Set(referrals.map((r) => r.state))).toEqual(
        new Set([
          'REQUESTED',
          'READY',
          'AWAITING_TRACE',
          'ATTENDED',
          'COMPLETED',
          'DID_NOT_ATTEND',
          'CANCELLED',
          'REJECTED',
        ]),
      );
    });

    it('books some slots and leaves free ones over the next two weeks', async () => {
      await hub().app.demoActivity;
      const rows = await hub().sql<{ status: string; n: string | number; last: string | Date }>(
        'select status, count(*) as n, max(starts_at) as last from appointment_slot group by status',
      );
      const by = Object.fromEntries(rows.map((r) => [r.status, r]));
      expect(Number(by.BOOKED!.n)).toBeGreaterThanOrEqual(8);
      expect(Number(by.FREE!.n)).toBeGreaterThan(100);
      expect(new Date(by.FREE!.last).getTime()).toBeGreaterThan(Date.now() + 12 * 86_400_000);
    });

    it('runs once: a second run adds nothing', async () => {
      await hub().app.demoActivity;
      const before = await counts(hub());
      expect(await seedDemoActivity(hub().app)).toMatchObject({ seeded: false });
      expect(await counts(hub())).toEqual(before);
    });

    it('logs no patient data: audit and events name actors and ids only', async () => {
      // The summary is what gets logged: counts and timings only.
      const summary = await hub().app.demoActivity;
      expect(Object.values(summary!).every((v) => typeof v === 'number' || typeof v === 'boolean')).toBe(true);
    });
  },
  { SEED_DEMO_ACTIVITY: 'true' },
);
