import { getMetadataStorage } from 'type-graphql';

interface FieldEntry {
  target: object;
  name: string;
  schemaName: string;
  simple?: boolean;
}
interface FieldGuard {
  target: object;
  fieldName?: string;
}
/** The parts of type-graphql's metadata storage read here (public fields of `MetadataStorage`). */
interface Storage {
  fields: FieldEntry[];
  authorizedFields: FieldGuard[];
  authorizedResolver: FieldGuard[];
  middlewares: FieldGuard[];
  resolverMiddlewares: FieldGuard[];
}

/**
 * Marks every plain object-type field (a property read, with no access rule or middleware of its
 * own, exposed under its own name) as one of type-graphql's "simple" fields, so the schema leaves it
 * to GraphQL's default property read instead of wrapping it in a resolver function. The answer is
 * the same (type-graphql's wrapper reads `root[name]` too); what goes is a function call, a closure
 * and an object per field per row, and graphql-jit compiles a plain read inline. Fields with a
 * `@FieldResolver` keep it (type-graphql prefers the resolver over `simple`).
 *
 * Runs before `buildSchema`; idempotent.
 */
export function resolvePlainFieldsByDefault(): number {
  const storage = getMetadataStorage() as unknown as Storage;
  const guardedTypes = new Set<object>(
    [...storage.authorizedResolver, ...storage.resolverMiddlewares].map((entry) => entry.target),
  );
  const guardedFields = new Map<object, Set<string>>();
  for (const entry of [...storage.authorizedFields, ...storage.middlewares]) {
    if (entry.fieldName === undefined) {
      guardedTypes.add(entry.target);
      continue;
    }
    const names = guardedFields.get(entry.target) ?? new Set<string>();
    names.add(entry.fieldName);
    guardedFields.set(entry.target, names);
  }
  // A rule or middleware on a field of that name in a class this one extends, or one extending it.
  const related = (a: object, b: object) =>
    a === b ||
    (a as { prototype?: unknown }).prototype instanceof (b as new () => unknown) ||
    (b as { prototype?: unknown }).prototype instanceof (a as new () => unknown);
  const guardedByKin = (field: FieldEntry) =>
    [...guardedTypes].some((target) => related(target, field.target)) ||
    [...guardedFields].some(([target, names]) => names.has(field.name) && related(target, field.target));
  let marked = 0;
  for (const field of storage.fields) {
    if (field.simple !== undefined || field.name !== field.schemaName) continue;
    if (guardedByKin(field)) continue;
    field.simple = true;
    marked += 1;
  }
  return marked;
}
