import { registerEnumType } from 'type-graphql';

/** The object `registerEnumType` takes for a list of codes: each code is its own value. */
export type EnumOf<T extends string> = { [K in T]: K };

/** The GraphQL enum object of `values` (a module's codes), to register with `registerEnumType`. */
export function enumOf<T extends string>(values: readonly T[]): EnumOf<T> {
  return Object.fromEntries(values.map((value) => [value, value])) as EnumOf<T>;
}

/** How a GraphQL enum is named and described: the enum, then each of its values. */
export interface EnumDescription<T extends string> {
  readonly name: string;
  readonly description: string;
  /** One description per value: a value left out or misspelt does not compile. */
  readonly values: Readonly<Record<T, string>>;
}

/** The GraphQL enum of `codes`, registered as `described` says. Returns the enum object. */
export function graphqlEnum<T extends string>(codes: readonly T[], described: EnumDescription<T>): EnumOf<T> {
  const enumObject = enumOf(codes);
  const valuesConfig = {} as Record<T, { description: string }>;
  for (const code of codes) valuesConfig[code] = { description: described.values[code] };
  registerEnumType(enumObject, { name: described.name, description: described.description, valuesConfig });
  return enumObject;
}
