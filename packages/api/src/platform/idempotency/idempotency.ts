import { createHash } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { transaction, type Tx } from '../changes.js';
import type { Em } from '../db/orm.js';
import { Errors } from '../errors.js';
import { uuidv7 } from '../ids.js';
import { IdempotencyKey } from './idempotency-key.entity.js';

/** A create-style request that may carry an idempotency key. */
export interface IdempotentRequest {
  /** The actor's id: keys are scoped per actor, so two actors never collide. */
  readonly actorId: string;
  /** The client's key; null or undefined runs the work without idempotency. */
  readonly key: string | null | undefined;
  /** Operation name, e.g. `recordConsultation`: the same key on another operation is a reuse. */
  readonly operation: string;
  /** The input as received (the key itself is ignored when hashing). */
  readonly input: unknown;
}

/** What {@link runIdempotent} needs besides the work itself. */
export interface IdempotentOptions<T> {
  /** The id to store for a result (e.g. the created row's id). */
  readonly resultId: (result: T) => string;
  /** Rebuilds the result of an earlier run from its stored id (called outside any transaction). */
  readonly replay: (resultId: string) => Promise<T>;
  /** Field path of the key, for errors. Default `input.idempotencyKey`. */
  readonly field?: string;
}

const KEY = /^[\x21-\x7e]{1,200}$/;

/** Sorted-keys JSON, so two inputs that differ only in key order hash alike. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([k, v]) => k !== 'idempotencyKey' && v !== undefined && v !== null)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

/** SHA-256 of the operation and its canonical input. */
export function requestHash(operation: string, input: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify([operation, canonical(input)]))
    .digest('hex');
}

/**
 * Runs `work` in a transaction and stores the key with the result id in the same transaction.
 * A repeat with the same key and the same input returns the stored result (`replayed: true`)
 * without running `work`; the same key with different input (or on another operation) is
 * IDEMPOTENCY_KEY_REUSED. Two concurrent first uses race on a unique index: the loser's
 * transaction rolls back and it answers as a repeat.
 */
export async function runIdempotent<T>(
  em: Em,
  request: IdempotentRequest,
  work: (tx: Tx) => Promise<T>,
  options: IdempotentOptions<T>,
): Promise<{ result: T; replayed: boolean }> {
  const { key } = request;
  if (key === null || key === undefined) return { result: await transaction(em, work), replayed: false };
  const field = options.field ?? 'input.idempotencyKey';
  if (!KEY.test(key)) throw Errors.badInput(field, 'idempotencyKey must be 1-200 printable characters without spaces');
  const hash = requestHash(request.operation, request.input);

  const earlier = async (): Promise<{ result: T; replayed: boolean } | null> => {
    const row = await em.fork().findOne(IdempotencyKey, { actorId: request.actorId, key });
    if (!row) return null;
    if (row.requestHash !== hash || row.operation !== request.operation) throw Errors.idempotencyKeyReused();
    return { result: await options.replay(row.resultId), replayed: true };
  };

  const seen = await earlier();
  if (seen) return seen;
  try {
    const result = await transaction(em, async (tx) => {
      const value = await work(tx);
      // Flush the work first so the key row is the last statement: a clash aborts everything.
      await tx.flush();
      await tx.insert(IdempotencyKey, {
        id: uuidv7(),
        createdAt: new Date(),
        actorId: request.actorId,
        key,
        operation: request.operation,
        requestHash: hash,
        resultId: options.resultId(value),
      });
      return value;
    });
    return { result, replayed: false };
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      const raced = await earlier();
      if (raced) return raced;
    }
    throw error;
  }
}
