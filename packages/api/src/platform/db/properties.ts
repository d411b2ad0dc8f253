import { p } from '@mikro-orm/core';
import { uuidv7 } from '../ids.js';

/**
 * The primary key every entity uses in `defineEntity` properties: a UUIDv7 made on create, so ids
 * are time-ordered and double as a stable keyset order (`platform/graphql/keyset.ts`).
 */
export const uuidPrimaryKey = () =>
  p
    .uuid()
    .primary()
    .onCreate(() => uuidv7());

/** A timestamp set when the row is created and again on every update. */
export const updatedAt = () =>
  p
    .datetime()
    .onCreate(() => new Date())
    .onUpdate(() => new Date());
