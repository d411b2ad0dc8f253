import { CompiledQuery, type Kysely } from 'kysely';
import type { AbstractSqlConnection } from '@mikro-orm/sql';
import type { Em } from './orm.js';
import { inStatementSpan } from '../observability/tracing.js';

type Scalar = string | number | boolean | bigint | Date | Uint8Array | null | undefined;
const isScalar = (value: unknown): value is Scalar =>
  value === null ||
  value === undefined ||
  value instanceof Date ||
  value instanceof Uint8Array ||
  (typeof value !== 'object' && typeof value !== 'function');

const numberedCache = new Map<string, string>();

/**
 * `?` placeholders as PostgreSQL's `$1, $2, …`, outside quoted strings and identifiers. Memoised:
 * the hot paths send the same few statements over and over.
 */
export function numbered(sql: string): string {
  const known = numberedCache.get(sql);
  if (known !== undefined) return known;
  let out = '';
  let n = 0;
  let quote: string | null = null;
  for (const ch of sql) {
    if (quote) {
      if (ch === quote) quote = null;
      out += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
    } else if (ch === '?') {
      out += `$${++n}`;
    } else {
      out += ch;
    }
  }
  if (numberedCache.size < 1000) numberedCache.set(sql, out);
  return out;
}

/**
 * Plain SQL for the hot paths (read pages, audit rows, outbox claims): runs `sql` with `?`
 * placeholders in `em`'s current transaction when there is one, logged and counted like every
 * other statement. Scalar values are bound as parameters (the database parses them, nothing is
 * spliced into the text); a call with an array or object value goes through the ORM's own
 * formatting instead, which expands it. Driver errors come back as the ORM's exceptions
 * (`UniqueConstraintViolationException`, …), as they do from the ORM.
 *
 * Rows come back as the database sent them: alias columns to the names the caller wants, and
 * normalise driver differences with {@link asDate}.
 */
export async function exec<T>(
  em: Em,
  sql: string,
  params: readonly unknown[] = [],
  options: { prepared?: boolean } = {},
): Promise<T[]> {
  // MikroORM types the transaction as `any`; it is a Kysely transaction when set.
  const trx = em.getTransactionContext<Kysely<unknown> | undefined>();
  const connection: AbstractSqlConnection = em.getConnection();
  if (!params.every(isScalar)) return connection.execute<T[]>(sql, [...params], 'all', trx);
  const started = Date.now();
  const text = numbered(sql);
  if (options.prepared) prepare(text);
  try {
    const result = await inStatementSpan(sql, () =>
      (trx ?? connection.getClient()).executeQuery<T>(CompiledQuery.raw(text, [...params])),
    );
    em.config
      .getLogger()
      .logQuery({ query: sql, took: Date.now() - started, results: result.rows.length, level: 'info' });
    return result.rows;
  } catch (error) {
    em.config.getLogger().logQuery({ query: sql, took: Date.now() - started, level: 'error' });
    throw connection
      .getPlatform()
      .getExceptionConverter()
      .convertException(error as Error);
  }
}

/** Statement texts sent as named prepared statements on PostgreSQL, with their names. */
const PREPARED = new Map<string, string>();
/**
 * Most texts prepared per process. Each is parsed once per pooled connection and kept by the server
 * for the connection's life, so the set must stay small: texts past the bound run unnamed.
 */
export const MAX_PREPARED = 200;

function prepare(text: string): void {
  if (!PREPARED.has(text) && PREPARED.size < MAX_PREPARED) PREPARED.set(text, `pcn_hub_${PREPARED.size + 1}`);
}

/** The subset of a `pg` client that {@link namePreparedStatements} wraps. */
interface PgClient {
  query: (...args: unknown[]) => unknown;
}

/**
 * Makes a `pg` client send the texts {@link exec} marks `prepared` as named statements: PostgreSQL
 * parses and plans such a statement once per connection instead of on every call, and `pg` sends its
 * text only the first time (a page of the inbox is one statement of about 3 KB). Installed on every
 * connection of the PostgreSQL pool (`createOrm`); PGlite runs everything in process, unnamed.
 */
export function namePreparedStatements(client: PgClient): void {
  const query = client.query.bind(client);
  client.query = (config: unknown, values?: unknown, callback?: unknown) => {
    const name = typeof config === 'string' ? PREPARED.get(config) : undefined;
    if (name === undefined) return query(config, values, callback);
    return query({ name, text: config, values }, callback);
  };
}

/** `?, ?, ?` for an IN list of `n` values (n >= 1). */
export const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

/** A timestamp column as a Date, whichever driver read it. */
export function asDate(value: Date | string): Date;
export function asDate(value: Date | string | null): Date | null;
export function asDate(value: Date | string | null): Date | null {
  return value === null ? null : value instanceof Date ? value : new Date(value);
}

/**
 * WHERE conditions and their values, built together so a placeholder never drifts from its value.
 * `and()` joins them (`true` when there are none).
 */
export class SqlConditions {
  readonly parts: string[] = [];
  readonly params: unknown[] = [];

  add(sql: string, ...params: unknown[]): this {
    this.parts.push(sql);
    this.params.push(...params);
    return this;
  }

  and(): string {
    return this.parts.length === 0 ? 'true' : this.parts.map((part) => `(${part})`).join(' and ');
  }
}

/**
 * One statement of common table expressions assembled from parts (a change's writes, its audit
 * rows, its events), each bringing its SQL and its values in order, so a placeholder never drifts
 * from its value. Data-modifying CTEs always run to completion, all on one snapshot: a part
 * cannot see another part's rows, and no part may change a row another part changes.
 */
export class WithStatement {
  private readonly parts: string[] = [];
  private readonly values: unknown[] = [];
  private readonly names = new Set<string>();

  /** Adds `name as (sql)`; names are unique within the statement. */
  add(name: string, sql: string, params: readonly unknown[] = []): this {
    if (this.names.has(name)) throw new Error(`WithStatement: ${name} added twice`);
    this.names.add(name);
    this.parts.push(`${name} as (${sql})`);
    this.values.push(...params);
    return this;
  }

  has(name: string): boolean {
    return this.names.has(name);
  }

  /** Runs `with <parts> <main>` in `em`'s transaction (the main query's values come after the parts'). */
  run<T>(em: Em, main: string, params: readonly unknown[] = []): Promise<T[]> {
    const sql = this.parts.length > 0 ? `with ${this.parts.join(',\n')}\n${main}` : main;
    return exec<T>(em, sql, [...this.values, ...params]);
  }
}

/** A JSON or JSONB column as an object, whichever driver read it. */
export function asJson<T>(value: T | string): T;
export function asJson<T>(value: T | string | null): T | null;
export function asJson<T>(value: T | string | null): T | null {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}
