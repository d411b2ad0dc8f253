import type { Client } from 'graphql-ws';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnApi, type ApiProcess } from '../../test/api-process.js';
import { startTestHub, TEST_JWT_SECRET, type TestHub } from '../../test/harness.js';
import { wsClient } from '../../test/ws-client.js';
import { submit } from './inbox.testkit.js';

/**
 * Scale-out, end to end: two API processes on one PostgreSQL. A mutation on one reaches a
 * graphql-ws subscriber on the other; with the notification channel cut mid-stream the
 * subscriber still ends with every event, in order, once wake-ups recover.
 */
const PG = process.env.TEST_DATABASE_URL;
const REDIS = process.env.REDIS_URL;

interface Arrival {
  __typename: string;
  seq?: number;
  type?: string;
  consultationId?: string;
}

const SUBSCRIPTION = `subscription ($org: OdsCode!) {
  inboxEvents(organisation: $org) {
    __typename
    ... on InboxEvent { seq type consultationId }
  }
}`;

const variants: { name: string; env: Record<string, string>; cut: (hub: TestHub) => Promise<void> }[] = [
  {
    name: 'LISTEN/NOTIFY',
    env: {},
    cut: async (hub) => {
      const killed = await hub.sql(
        "select pg_terminate_backend(pid) from pg_stat_activity where application_name like 'pcn-hub-events%' and query ilike 'LISTEN%'",
      );
      // Both processes listen; a cut that hit nothing would make this test prove nothing.
      expect(killed.length).toBeGreaterThanOrEqual(2);
    },
  },
  ...(REDIS
    ? [
        {
          name: 'Redis',
          env: { REDIS_URL: REDIS },
          cut: async () => {
            const redis = new Redis(REDIS);
            try {
              const killed = await redis.client('KILL', 'TYPE', 'pubsub');
              expect(Number(killed)).toBeGreaterThanOrEqual(2);
            } finally {
              redis.disconnect();
            }
          },
        },
      ]
    : []),
];

for (const variant of variants) {
  describe.runIf(Boolean(PG))(`two API processes on one PostgreSQL [${variant.name}]`, () => {
    let hub: (TestHub & { stop(): Promise<void> }) | undefined;
    let child: ApiProcess | undefined;
    const clients: Client[] = [];

    beforeAll(async () => {
      // The second process runs the built server (compiled by the global setup).
      const started = await startTestHub('postgresql', variant.env);
      hub = started;
      const database = started.config.database;
      if (database.kind !== 'postgresql') throw new Error('expected PostgreSQL');
      child = await spawnApi('packages/api/dist/main.js', {
        NODE_ENV: 'test',
        DATABASE_URL: database.url,
        MIGRATE_ON_START: 'false',
        SEED_ON_START: 'false',
        JWT_SECRET: TEST_JWT_SECRET,
        LOG_LEVEL: 'warn',
        WRITE_BACK_WORKER: 'false',
        ...variant.env,
      });
    });

    afterAll(async () => {
      for (const client of clients) await client.dispose();
      const running = child?.child;
      if (running && running.exitCode === null) {
        const exited = new Promise((r) => running.once('exit', r));
        running.kill('SIGTERM');
        await exited;
      }
      await hub?.stop();
    });

    it('delivers a mutation on one process to a subscriber on the other, and survives a cut channel', async () => {
      if (!hub) throw new Error('hub not started');
      const token = await hub.token('hub.coord1');
      const received: Arrival[] = [];
      const client = wsClient(`${child!.url}/graphql`, token);
      clients.push(client);
      const subscribed = new Promise<void>((resolve, reject) => {
        client.on('connected', () => setTimeout(resolve, 300));
        client.on('error', reject);
      });
      client.subscribe<{ inboxEvents: Arrival }>(
        { query: SUBSCRIPTION, variables: { org: 'Y99000' } },
        { next: (r) => r.data && received.push(r.data.inboxEvents), error: () => undefined, complete: () => undefined },
      );
      await subscribed;

      const first = await submit(hub, 1);
      const arrived = async (ids: string[]) => {
        const deadline = Date.now() + 20_000;
        while (Date.now() < deadline) {
          const got = received.filter((m) => m.__typename === 'InboxEvent').map((m) => m.consultationId);
          if (ids.every((id) => got.includes(id))) return;
          await new Promise((r) => setTimeout(r, 50));
        }
        throw new Error(`missing events; received ${JSON.stringify(received)}; second API log: ${child!.log()}`);
      };
      await arrived([first.consultationId]);

      await variant.cut(hub);
      const later: string[] = [];
      for (const i of [2, 3, 4]) later.push((await submit(hub, i)).consultationId);
      await arrived([first.consultationId, ...later]);

      const events = received.filter((m) => m.__typename === 'InboxEvent');
      const seqs = events.map((m) => m.seq!);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(new Set(seqs).size).toBe(seqs.length);
      for (let k = 1; k < seqs.length; k += 1) expect(seqs[k]! - seqs[k - 1]!).toBe(1);
      expect(events.filter((m) => m.type === 'CONSULTATION_ARRIVED').map((m) => m.consultationId)).toEqual(
        expect.arrayContaining([first.consultationId, ...later]),
      );
    });

    it("refuses a deactivated account's tokens on the other process at once, and lets them in again on reactivation", async () => {
      if (!hub) throw new Error('hub not started');
      const token = await hub.token('p2.gp');
      const onChild = async (): Promise<string | undefined> => {
        const res = await fetch(`${child!.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: '{ viewer { id } }' }),
        });
        const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
        return body.errors?.[0]?.extensions?.code;
      };
      // The second process has read (and remembers) the account.
      expect(await onChild()).toBeUndefined();
      expect(await onChild()).toBeUndefined();
      const list = await hub.gql<{ staffUsers: { edges: { node: { id: string; username: string } }[] } }>(
        'query { staffUsers(organisationOdsCode: "Y99012", first: 200) { edges { node { id username } } } }',
        {},
        'hub.manager',
      );
      const gp = list.data!.staffUsers.edges.find((e) => e.node.username === 'p2.gp')!.node;
      const toggle = (verb: string) =>
        `mutation ($input: StaffUserInput!) { ${verb}StaffUser(input: $input) { staffUser { active } } }`;
      const within = async (ms: number, want: string | undefined): Promise<number> => {
        const started = Date.now();
        while ((await onChild()) !== want) {
          if (Date.now() - started > ms) throw new Error(`the second process still answers otherwise after ${ms} ms`);
          await new Promise((r) => setTimeout(r, 20));
        }
        return Date.now() - started;
      };
      try {
        expect(
          (await hub.gql(toggle('deactivate'), { input: { staffUserId: gp.id } }, 'hub.manager')).errors,
        ).toBeUndefined();
        // The change hint crosses processes in milliseconds; the cache's own bound (10 s) is not what ends it.
        expect(await within(2_000, 'UNAUTHENTICATED')).toBeLessThan(2_000);
      } finally {
        await hub.gql(toggle('reactivate'), { input: { staffUserId: gp.id } }, 'hub.manager');
      }
      expect(await within(2_000, undefined)).toBeLessThan(2_000);
    });
  });
}
