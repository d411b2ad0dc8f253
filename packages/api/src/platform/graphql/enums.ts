import { registerEnumType } from 'type-graphql';

/** The object `registerEnumType` takes for a list of codes: each code is its own value. */
export type EnumOf<T extends string> = { [K in T]: K };

/** The GraphQL enum object of `values` (a module's codes), to register with `registerEnumType`. */
export function enumOf<T extends string>(values: readonly T[]): EnumOf<T> {
  return Object.fromEntries(values.map((value) => [value, value])) as EnumOf<T>;
}

/**
 * The GraphQL enum `name` of `values`, registered with its description and one for each value
 * (`described`: a value left out or misspelt does not compile). Returns the enum object, for
 * `@Field(() => ...)` and `@Arg`.
 */
export function graphqlEnum<T extends string>(
  values: readonly T[],
  name: string,
  description: string,
  described: Readonly<Record<T, string>>,
): EnumOf<T> {
  const enumObject = enumOf(values);
  const valuesConfig = {} as Record<T, { description: string }>;
  for (const value of values) valuesConfig[value] = { description: described[value] };
  registerEnumType(enumObject, { name, description, valuesConfig });
  return enumObject;
}
