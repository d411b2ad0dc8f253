import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

const memo = new WeakMap<FieldNode, Map<string, ReadonlySet<string>>>();

function collect(
  set: SelectionSetNode | undefined,
  info: GraphQLResolveInfo,
  into: Set<string>,
  path: readonly string[],
): void {
  if (!set) return;
  for (const selection of set.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet, info, into, path);
    else if (selection.kind === Kind.FRAGMENT_SPREAD)
      collect(info.fragments[selection.name.value]?.selectionSet, info, into, path);
    else if (path.length === 0) into.add(selection.name.value);
    else if (selection.name.value === path[0]) collect(selection.selectionSet, info, into, path.slice(1));
  }
}

/**
 * The names of the fields selected at `path` below the field being resolved (for a connection,
 * `['edges', 'node']`), through fragments and aliases, so a read can fetch only the columns and
 * joins the operation asks for. A superset: fields under `@skip`/`@include` count as selected,
 * and type conditions are not narrowed, so a read may fetch a little more, never less. Memoised
 * per field node (documents are parsed once and cached), so repeated operations cost a lookup.
 *
 * Home-made rather than graphql-parse-resolve-info: that library resolves directives, arguments
 * and types on every call; a hot page needs only this superset, computed once per document.
 */
export function selectedFields(info: GraphQLResolveInfo, path: readonly string[]): ReadonlySet<string> {
  const key = path.join('.');
  let byPath = memo.get(info.fieldNodes[0]!);
  const known = byPath?.get(key);
  if (known) return known;
  const fields = new Set<string>();
  for (const node of info.fieldNodes) collect(node.selectionSet, info, fields, path);
  if (!byPath) memo.set(info.fieldNodes[0]!, (byPath = new Map<string, ReadonlySet<string>>()));
  byPath.set(key, fields);
  return fields;
}
