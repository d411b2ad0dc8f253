import {
  defineEntity,
  p,
  type EntityCtor,
  type EntityMetadataWithProperties,
  type EntitySchemaWithMeta,
  type InferEntityFromProperties,
} from '@mikro-orm/core';
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

/** A timestamp set when the row is created (`createdAt`, or a row's own name for it: `at`, `receivedAt`). */
export const createdAt = () => p.datetime().onCreate(() => new Date());

/** A timestamp set when the row is created and again on every update. */
export const updatedAt = () =>
  p
    .datetime()
    .onCreate(() => new Date())
    .onUpdate(() => new Date());

/** The primary key {@link hubEntity} gives every entity it declares. */
export type UuidPrimaryKey = { readonly id: ReturnType<typeof uuidPrimaryKey> };

/** What an entity declares besides its name, table and properties: its indexes and uniques. */
export type HubEntityOptions<
  TName extends string,
  TTableName extends string,
  TProperties extends Record<string, unknown>,
> = Pick<EntityMetadataWithProperties<TName, TTableName, UuidPrimaryKey & TProperties>, 'indexes' | 'uniques'>;

/** The entity {@link hubEntity} declares from its properties. */
export type HubEntityOf<TProperties extends Record<string, unknown>> = InferEntityFromProperties<
  UuidPrimaryKey & TProperties
>;

/**
 * `defineEntity` as the hub's entities use it: named `name`, in table `tableName`, its primary key
 * a UUIDv7 `id` ({@link uuidPrimaryKey}) before its own `properties`.
 */
export function hubEntity<
  const TName extends string,
  const TTableName extends string,
  const TProperties extends Record<string, unknown>,
>(
  name: TName,
  tableName: TTableName,
  properties: TProperties,
  options: HubEntityOptions<TName, TTableName, TProperties> = {},
): EntitySchemaWithMeta<
  TName,
  TTableName,
  HubEntityOf<TProperties>,
  never,
  UuidPrimaryKey & TProperties,
  EntityCtor<HubEntityOf<TProperties>>
> {
  const withId: UuidPrimaryKey & TProperties = { id: uuidPrimaryKey(), ...properties };
  return defineEntity<TName, TTableName, UuidPrimaryKey & TProperties>({
    name,
    tableName,
    ...options,
    properties: withId,
  });
}
