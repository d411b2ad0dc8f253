export { IdempotencyKey } from './idempotency-key.entity.js';
export { runIdempotent, requestHash, type IdempotentRequest, type IdempotentOptions } from './idempotency.js';
