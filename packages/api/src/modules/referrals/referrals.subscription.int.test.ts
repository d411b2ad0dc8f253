import type { Client } from 'graphql-ws';
import { afterAll, expect, it } from 'vitest';
import { encodeCursor } from '../../platform/graphql/relay.js';
import { describeEachDatabase, type TestHub } from '../../test/harness.js';
import { wsClient } from '../../test/ws-client.js';
import { serviceIds } from '../appointments/appointments.testkit.js';
import { moveOk, nhsOf, referOk, referrerOf } from './referrals.testkit.js';

const SUBSCRIPTION = `subscription($org: OdsCode!, $after: String) { referralEvents(organisation: $org, after: $after) {
  __typename ... on ReferralEvent { seq type from to referralId referral { id state } } } }`;

interface Message {
  __typename: string;
  seq?: number;
  type?: string;
  from?: string | null;
  to?: string;
  referralId?: string;
  referral?: { id: string; state: string } | null;
}

const clients: Client[] = [];
afterAll(async () => {
  for (const client of clients) await client.dispose();
});

/** Follows a referral stream; collects messages and errors. */
function follow(hub: TestHub, token: string, variables: Record<string, unknown>) {
  const feed = { messages: [] as Message[], errors: [] as { extensions?: { code?: string } }[] };
  const client = wsClient(hub.app.url, token, { lazy: true });
  clients.push(client);
  client.subscribe<{ referralEvents: Message }>(
    { query: SUBSCRIPTION, variables },
    {
      next: (r) => {
        if (r.errors) feed.errors.push(...(r.errors as never[]));
        if (r.data) feed.messages.push(r.data.referralEvents);
      },
      error: (e) => {
        if (Array.isArray(e)) feed.errors.push(...(e as never[]));
      },
      complete: () => undefined,
    },
  );
  return feed;
}

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function headOf(hub: TestHub, ods: string): Promise<number> {
  const rows = await hub.sql<{ seq: string | number }>(
    "select h.seq from stream_head h join organisation o on h.stream = 'referrals:' || o.id where o.ods_code = ?",
    [ods],
  );
  return rows[0] ? Number(rows[0].seq) : 0;
}

describeEachDatabase('referral live events over graphql-ws', (hub) => {
  it("streams a practice's own referral moves gap-free to it, and refuses another organisation's stream", async () => {
    const services = await serviceIds(hub());
    const start = await headOf(hub(), 'Y99011');
    const feed = follow(hub(), await hub().token('p1.admin'), { org: 'Y99011', after: encodeCursor([start]) });
    const document = { title: 'Letter', contentType: 'application/pdf', sizeBytes: 100, reference: 'docman://1' };
    const r = await referOk(
      hub(),
      { method: 'DOCUMENT_SEND', serviceId: services['Physiotherapy'], nhsNumber: nhsOf(0), document },
      referrerOf(0),
    );
    await moveOk(hub(), 'acceptReferral', { referralId: r.id }, 'hub.physio');
    await until(() => feed.messages.length >= 2);
    expect(feed.messages.map((m) => [m.seq, m.type, m.from, m.to, m.referralId])).toEqual([
      [start + 1, 'REFERRAL_REQUESTED', null, 'REQUESTED', r.id],
      [start + 2, 'REFERRAL_READY', 'REQUESTED', 'READY', r.id],
    ]);
    expect(feed.messages[1]!.referral).toEqual({ id: r.id, state: 'READY' });

    const other = follow(hub(), await hub().token('p1.admin'), { org: 'Y99012' });
    await until(() => other.errors.length > 0);
    expect(other.errors[0]!.extensions?.code).toBe('NOT_FOUND');
  });
});
