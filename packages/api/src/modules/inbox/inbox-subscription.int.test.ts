import type { Client } from 'graphql-ws';
import { afterAll, expect, it } from 'vitest';
import { describeEachDatabase, type TestHub } from '../../test/harness.js';
import { wsClient } from '../../test/ws-client.js';
import { encodeCursor } from '../../platform/graphql/relay.js';
import { ok, submit } from './inbox.testkit.js';

const SUBSCRIPTION = `subscription Inbox($org: OdsCode!, $after: String) {
  inboxEvents(organisation: $org, after: $after) {
    __typename
    ... on InboxEvent { seq cursor type actorId consultationId consultation { id state lock { holder } ownerOrganisation { odsCode } } }
    ... on InboxHeartbeat { latestSeq }
    ... on InboxResyncRequired { latestSeq reason }
  }
}`;

interface Message {
  __typename: string;
  seq?: number;
  cursor?: string;
  type?: string;
  actorId?: string | null;
  consultationId?: string;
  consultation?: { id: string; state: string; lock: { holder: string } | null } | null;
  latestSeq?: number;
}

/** One live subscription: what it received, how it ended. */
interface Feed {
  messages: Message[];
  errors: { message: string; extensions?: { code?: string; field?: string } }[];
  closeCode: number | null;
  done: boolean;
  /** The server acknowledged connection_init (the token was accepted). */
  connected: boolean;
  until(predicate: (f: Feed) => boolean, timeoutMs?: number): Promise<void>;
  dispose(): Promise<void>;
}

const clients: Client[] = [];

function follow(hub: TestHub, token: string, variables: Record<string, unknown>): Feed {
  const feed: Feed = {
    messages: [],
    errors: [],
    closeCode: null,
    done: false,
    connected: false,
    async until(predicate, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(feed)) {
        if (Date.now() > deadline)
          throw new Error(`timed out; received ${JSON.stringify(feed.messages.map((m) => m.type ?? m.__typename))}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async dispose() {
      await client.dispose();
    },
  };
  const client = wsClient(hub.app.url, token, {
    lazy: true,
    on: {
      connected: () => void (feed.connected = true),
      closed: (event) => void (feed.closeCode = (event as { code: number }).code),
    },
  });
  clients.push(client);
  client.subscribe<{ inboxEvents: Message }>(
    { query: SUBSCRIPTION, variables },
    {
      next: (result) => {
        if (result.errors) feed.errors.push(...(result.errors as Feed['errors']));
        if (result.data) feed.messages.push(result.data.inboxEvents);
      },
      error: (error) => {
        if (Array.isArray(error)) feed.errors.push(...(error as Feed['errors']));
        else if (error && typeof error === 'object' && 'code' in error)
          feed.closeCode = (error as { code: number }).code;
        feed.done = true;
      },
      complete: () => void (feed.done = true),
    },
  );
  return feed;
}

async function latestSeq(hub: TestHub, ods: string): Promise<number> {
  const rows = await hub.sql<{ seq: string | number }>(
    "select h.seq from stream_head h join organisation o on h.stream = 'inbox:' || o.id where o.ods_code = ?",
    [ods],
  );
  return rows[0] ? Number(rows[0].seq) : 0;
}

const events = (f: Feed) => f.messages.filter((m) => m.__typename === 'InboxEvent');

afterAll(async () => {
  for (const client of clients) await client.dispose();
});

describeEachDatabase('inbox live events over graphql-ws', (hub) => {
  it('delivers arrivals live, and after a reconnect exactly the missed events, in order', async () => {
    const token = await hub().token('hub.anp1');
    const start = await latestSeq(hub(), 'Y99000');
    const live = follow(hub(), token, { org: 'Y99000', after: encodeCursor([start]) });

    const first = await submit(hub(), 30);
    await live.until((f) => events(f).length >= 1);
    expect(events(live)[0]).toMatchObject({
      seq: start + 1,
      type: 'CONSULTATION_ARRIVED',
      actorId: 'oc.supplier',
      consultationId: first.consultationId,
      consultation: { id: first.consultationId, state: 'AWAITING_TRIAGE', lock: null },
    });
    await ok(hub(), 'claimConsultation', { consultationId: first.consultationId }, 'hub.anp2');
    await live.until((f) => events(f).length >= 2);
    expect(events(live)[1]).toMatchObject({
      seq: start + 2,
      type: 'CLAIMED',
      consultation: { state: 'IN_TRIAGE', lock: { holder: 'hub.anp2' } },
    });
    const lastCursor = events(live)[1]!.cursor!;
    await live.dispose();

    // Missed while away: release, claim, pass back (leaves the hub inbox), a new arrival.
    await ok(hub(), 'releaseConsultation', { consultationId: first.consultationId }, 'hub.anp2');
    await ok(hub(), 'claimConsultation', { consultationId: first.consultationId }, 'hub.anp3');
    await ok(
      hub(),
      'passBackToPractice',
      { consultationId: first.consultationId, reason: 'Needs GP', triageNotes: 'Review' },
      'hub.anp3',
    );
    const second = await submit(hub(), 31);

    const resumed = follow(hub(), token, { org: 'Y99000', after: lastCursor });
    await resumed.until((f) => events(f).length >= 4);
    const missed = events(resumed);
    expect(missed.map((m) => [m.seq, m.type])).toEqual([
      [start + 3, 'RELEASED'],
      [start + 4, 'CLAIMED'],
      [start + 5, 'PASSED_BACK'],
      [start + 6, 'CONSULTATION_ARRIVED'],
    ]);
    // No longer in the hub inbox: the event still arrives, the consultation is not shown.
    expect(missed[2]!.consultation).toBeNull();
    expect(missed[3]!.consultationId).toBe(second.consultationId);

    await submit(hub(), 32);
    await resumed.until((f) => events(f).length >= 5);
    expect(events(resumed).map((m) => m.seq)).toEqual([3, 4, 5, 6, 7].map((n) => start + n));
    expect(resumed.errors).toEqual([]);
    await resumed.dispose();
  });

  it('gives the practice inbox its own stream with its own seq', async () => {
    const token = await hub().token('p1.gp');
    const start = await latestSeq(hub(), 'Y99011');
    const feed = follow(hub(), token, { org: 'Y99011', after: encodeCursor([start]) });
    const { consultationId } = await submit(hub(), 35); // patient 35 is registered at Y99011
    await ok(hub(), 'claimConsultation', { consultationId }, 'hub.anp1');
    await ok(hub(), 'passBackToPractice', { consultationId, reason: 'Needs GP', triageNotes: 'Review' }, 'hub.anp1');
    await feed.until((f) => events(f).length >= 1);
    expect(events(feed)[0]).toMatchObject({
      seq: start + 1,
      type: 'PASSED_BACK',
      consultation: { state: 'PASSED_TO_PRACTICE' },
    });
    await feed.dispose();
  });

  it('says RESYNC_REQUIRED for a cursor the stream does not have, then continues live', async () => {
    const token = await hub().token('hub.coord1');
    const latest = await latestSeq(hub(), 'Y99000');
    const feed = follow(hub(), token, { org: 'Y99000', after: encodeCursor([latest + 1000]) });
    await feed.until((f) => f.messages.length >= 1);
    expect(feed.messages[0]).toEqual({
      __typename: 'InboxResyncRequired',
      latestSeq: latest,
      reason: 'CURSOR_OUTSIDE_RETENTION',
    });
    await submit(hub(), 36);
    await feed.until((f) => events(f).length >= 1);
    expect(events(feed)[0]!.seq).toBe(latest + 1);
    await feed.dispose();
  });

  it('refuses at subscribe time: another organisation, a non-inbox role, a malformed cursor', async () => {
    const cases: [string, Record<string, unknown>, string, string?][] = [
      ['p1.gp', { org: 'Y99000' }, 'NOT_FOUND'],
      ['p1.gp', { org: 'Y99012' }, 'NOT_FOUND'],
      ['hub.anp1', { org: 'Y99011' }, 'NOT_FOUND'],
      ['pcn.analyst', { org: 'Y99000' }, 'FORBIDDEN'],
      ['oc.supplier', { org: 'Y99000' }, 'FORBIDDEN'],
      ['hub.anp1', { org: 'Y99000', after: 'not-a-cursor' }, 'BAD_USER_INPUT', 'after'],
      ['hub.anp1', { org: 'Y99000', after: encodeCursor(['x']) }, 'BAD_USER_INPUT', 'after'],
    ];
    for (const [user, variables, code, field] of cases) {
      const feed = follow(hub(), await hub().token(user), variables);
      await feed.until((f) => f.done);
      expect(feed.messages, `${user} ${JSON.stringify(variables)}`).toEqual([]);
      expect(feed.errors[0]?.extensions?.code, `${user} ${JSON.stringify(variables)}`).toBe(code);
      if (field) expect(feed.errors[0]!.extensions!.field).toBe(field);
    }
  });

  it('re-checks the subscriber for every event: a disabled account gets FORBIDDEN, not the event', async () => {
    const token = await hub().token('hub.coord2');
    const feed = follow(hub(), token, { org: 'Y99000', after: encodeCursor([await latestSeq(hub(), 'Y99000')]) });
    // Disabled once subscribed (a disabled account's token is refused at connection_init itself).
    await feed.until((f) => f.connected);
    await hub().sql("update staff_user set active = false where username = 'hub.coord2'");
    try {
      await submit(hub(), 37);
      await feed.until((f) => f.done);
      expect(events(feed)).toEqual([]);
      expect(feed.errors[0]?.extensions?.code).toBe('FORBIDDEN');
    } finally {
      await hub().sql("update staff_user set active = true where username = 'hub.coord2'");
    }
  });

  it('closes the connection with 4401 for a bad token', async () => {
    const feed = follow(hub(), 'not.a.token', { org: 'Y99000' });
    await feed.until((f) => f.closeCode !== null);
    expect(feed.closeCode).toBe(4401);
    expect(feed.messages).toEqual([]);
  });
});
