/** The object `registerEnumType` takes for a list of codes: each code is its own value. */
export type EnumOf<T extends string> = { [K in T]: K };

/** The GraphQL enum object of `values` (a module's codes), to register with `registerEnumType`. */
export function enumOf<T extends string>(values: readonly T[]): EnumOf<T> {
  return Object.fromEntries(values.map((value) => [value, value])) as EnumOf<T>;
}
