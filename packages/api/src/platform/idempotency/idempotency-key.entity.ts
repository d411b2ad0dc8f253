import { p } from '@mikro-orm/core';
import { createdAt, hubEntity } from '../db/properties.js';

/**
 * One idempotency key used by one actor: what it was used for (operation + request hash) and
 * what it produced (the id of the result), so a retry answers with the stored result.
 */
const IdempotencyKeySchema = hubEntity(
  'IdempotencyKey',
  'idempotency_key',
  {
    actorId: p.string().length(100),
    key: p.string().length(200),
    operation: p.string().length(100),
    /** SHA-256 (hex) of the operation name and the canonical JSON of its input. */
    requestHash: p.string().length(64),
    resultId: p.string().length(100),
    createdAt: createdAt(),
  },
  { uniques: [{ properties: ['actorId', 'key'] }] },
);

export class IdempotencyKey extends IdempotencyKeySchema.class {}
IdempotencyKeySchema.setClass(IdempotencyKey);
