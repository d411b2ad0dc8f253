import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { syntheticNhsNumber } from '@pcn-hub/schema';
import { afterAll, beforeAll, describe } from 'vitest';
import { parseConfig, type Config } from '../platform/config.js';
import { projectCacheTemplateDir } from '../platform/db/pglite-template.js';
import { startApp, type HubApp, type StartOptions } from '../app.js';
import type { Role } from '../platform/auth/roles.js';
import { DEMO_USERS } from '../seed/demo.js';
import { hintStaffAccountChanged } from '../modules/organisations/index.js';

/** A statement that writes staff accounts. */
const STAFF_WRITE = /\b(update|insert\s+into|delete\s+from)\s+"?staff_user\b/i;

export type DatabaseKind = 'pglite' | 'postgresql';

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set (CI sets it). */
export const TEST_DATABASES: readonly DatabaseKind[] = process.env.TEST_DATABASE_URL
  ? ['pglite', 'postgresql']
  : ['pglite'];

export const TEST_JWT_SECRET = 'test-secret-test-secret-test-secret-0123456789';

/** A GraphQL response as a client sees it. */
export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: {
    message: string;
    path?: string[];
    extensions?: Record<string, unknown> & { code?: string; field?: string };
  }[];
}

/** One running API on its own database, reached over real HTTP on a random port. */
export interface TestHub {
  readonly kind: DatabaseKind;
  readonly app: HubApp;
  readonly config: Config;
  /** A token for a demo user, or for explicit claims. */
  token(user: string | { sub: string; org: string; roles: Role[] }, ttlSeconds?: number): Promise<string>;
  /** POSTs a GraphQL request as `user` (a demo username, a raw token via { token }, or anonymous). */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    as?: string | { token: string } | null,
  ): Promise<GqlResult<T>>;
  /** Raw SQL on the hub's database. */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = new URL(process.env.TEST_DATABASE_URL!);
  const name = `pcnhub_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base.toString());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base.toString() });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** Starts a hub on a fresh database of `kind`, with the demo PCN seeded. */
export async function startTestHub(
  kind: DatabaseKind,
  env: Record<string, string> = {},
  options: StartOptions = {},
): Promise<TestHub & { stop(): Promise<void> }> {
  const pgdb = kind === 'postgresql' ? await createPostgresDatabase() : null;
  const config = parseConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    PCN_HUB_DATA_DIR: 'memory://',
    PGLITE_TEMPLATE_DIR: projectCacheTemplateDir(),
    SEED_ON_START: 'true',
    JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    // Suites send many requests as one demo user and many bad tokens from one address; the
    // throttling suite sets its own low limits.
    RATE_LIMIT_AUTH_FAILURES: '100000',
    RATE_LIMIT_KEY_FAILURES: '100000',
    RATE_LIMIT_REQUESTS: '1000000',
    // Every authenticated operation runs compiled (graphql-jit) from its first run, so the suites
    // prove the compiled path; TEST_GRAPHQL_COMPILE_AFTER=0 runs them on graphql-js instead.
    GRAPHQL_COMPILE_AFTER: process.env.TEST_GRAPHQL_COMPILE_AFTER ?? '1',
    ...(pgdb ? { DATABASE_URL: pgdb.url, DATABASE_POOL_MAX: '5' } : {}),
    ...env,
  });
  const app = await startApp(config, options);
  const token: TestHub['token'] = async (user, ttlSeconds) => {
    const claims =
      typeof user === 'string'
        ? (() => {
            const demo = DEMO_USERS.find((u) => u.username === user);
            if (!demo) throw new Error(`no demo user ${user}`);
            return { sub: demo.username, org: demo.odsCode, roles: [...demo.roles] };
          })()
        : user;
    return app.tokens.sign!(claims, ttlSeconds);
  };
  const hub: TestHub & { stop(): Promise<void> } = {
    kind,
    app,
    config,
    token,
    async gql(query, variables, as) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (typeof as === 'string') headers.authorization = `Bearer ${await token(as)}`;
      else if (as && 'token' in as) headers.authorization = `Bearer ${as.token}`;
      const res = await fetch(app.url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      const body = (await res.json()) as Omit<GqlResult, 'status'>;
      return { status: res.status, ...body } as never;
    },
    async sql(text, params = []) {
      const rows: unknown = await app.orm.em
        .fork()
        .getConnection()
        .execute(text, params as never[]);
      // Staff accounts are remembered between change hints; a test that edits them in SQL (as an
      // operator would) sends the hint the hub's own staff mutations send.
      if (STAFF_WRITE.test(text)) hintStaffAccountChanged(app.events);
      return rows as never;
    },
    async stop() {
      await app.stop();
      await pgdb?.drop();
    },
  };
  return hub;
}

/**
 * Runs a suite once per test database. The hub starts before the suite and stops after it;
 * `hub()` returns it inside tests.
 */
export function describeEachDatabase(
  name: string,
  suite: (hub: () => TestHub) => void,
  env: Record<string, string> = {},
): void {
  for (const kind of TEST_DATABASES) {
    describe(`${name} [${kind}]`, () => {
      let current: (TestHub & { stop(): Promise<void> }) | null = null;
      beforeAll(async () => {
        current = await startTestHub(kind, env);
      });
      afterAll(async () => {
        await current?.stop();
      });
      suite(() => {
        if (!current) throw new Error('test hub not started');
        return current;
      });
    });
  }
}

/**
 * The SQL statements one request costs: `run` (which sends it) `runs` times with the ORM's query
 * log counted, the fewest kept. The log also sees the hub's background workers (write-back,
 * webhooks, pruning) when one polls during a run; they can only add statements.
 */
export async function fewestStatements(hub: TestHub, run: () => Promise<void>, runs = 3): Promise<number> {
  const logger = hub.app.orm.config.getLogger();
  const original = logger.logQuery.bind(logger);
  let statements = 0;
  logger.logQuery = (context) => {
    statements += 1;
    if (process.env.DEBUG_SQL) console.log('SQL>', String(context.query).slice(0, 160));
    original(context);
  };
  try {
    let fewest = Number.POSITIVE_INFINITY;
    for (let i = 0; i < runs; i++) {
      statements = 0;
      await run();
      fewest = Math.min(fewest, statements);
    }
    return fewest;
  } finally {
    logger.logQuery = original;
  }
}

/**
 * The audit rows written since `since` (a database clock reading, `clockOf`) by `actorId`, each as
 * one line of every column a read writes but its own id, time and request id, ordered by subject;
 * `requests` counts the distinct request ids among them.
 */
export async function auditLinesSince(
  hub: TestHub,
  actorId: string,
  since: string,
): Promise<{ lines: string[]; requests: number }> {
  const rows = await hub.sql<{ line: string; request_id: string | null }>(
    `select concat_ws(' ', a.action, a.subject_type, a.subject_id, coalesce(a.patient_id::text, '-'), a.outcome,
              a.actor_id, a.actor_type, coalesce(a.organisation_ods, '-'), coalesce(a.reason, '-'),
              coalesce(a.on_behalf_of, '-')) as line, a.request_id
       from audit_event a where a.actor_id = ? and a.at >= ?::timestamptz order by a.subject_id, a.action`,
    [actorId, since],
  );
  return { lines: rows.map((r) => r.line), requests: new Set(rows.map((r) => r.request_id)).size };
}

/** The database's clock now, to pass to {@link auditLinesSince}. */
export async function clockOf(hub: TestHub): Promise<string> {
  const [row] = await hub.sql<{ now: string }>("select to_char(clock_timestamp(), 'YYYY-MM-DD HH24:MI:SS.US') as now");
  return row!.now;
}

/** The first error's code, for terse assertions. */
export function codeOf(result: GqlResult): string | undefined {
  return result.errors?.[0]?.extensions?.code;
}

/** Another PCN with one practice and one patient, for tenant-isolation tests. Idempotent. */
export async function seedForeignPcn(
  hub: TestHub,
): Promise<{ pcnId: string; practiceId: string; patientId: string; nhsNumber: string }> {
  const existing = await hub.sql<{ id: string }>("select id from organisation where ods_code = 'U99002'");
  const ids = {
    pcnId: '01900000-0000-7000-8000-000000000001',
    practiceId: '01900000-0000-7000-8000-000000000002',
    patientId: '01900000-0000-7000-8000-000000000003',
  };
  const nhsNumber = syntheticNhsNumber(899_999);
  if (existing.length === 0) {
    await hub.sql(
      `insert into organisation (id, kind, ods_code, name, pcn_id, active, created_at) values
       (?, 'PCN', 'U99002', 'Elsewhere PCN (test)', null, true, now()),
       (?, 'PRACTICE', 'Y99021', 'Elsewhere Surgery (test)', ?, true, now())`,
      [ids.pcnId, ids.practiceId, ids.pcnId],
    );
    await hub.sql(
      `insert into patient (id, nhs_number, given_name, family_name, date_of_birth, sex, registered_practice_id, created_at)
       values (?, ?, 'Zed', 'Elsewhere', '1980-01-01', 'UNKNOWN', ?, now())`,
      [ids.patientId, nhsNumber, ids.practiceId],
    );
  }
  return { ...ids, nhsNumber };
}
