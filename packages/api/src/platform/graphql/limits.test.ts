import { describe, expect, it } from 'vitest';
import { buildSchema, parse } from 'graphql';
import { checkOperationLimits } from './limits.js';

const schema = buildSchema(`
  type Item { id: ID! name: String child: Item items(first: Int, last: Int): [Item!]! }
  type Query { item: Item items(first: Int, last: Int): [Item!]! }
`);

const LIMITS = { depth: 4, aliases: 3, cost: 100, tokens: 1000 };

function check(query: string, variables: Record<string, unknown> = {}, limits = LIMITS) {
  return checkOperationLimits(limits, schema, parse(query), undefined, variables).map((e) => ({
    code: e.extensions.code,
    limit: e.extensions.limit,
  }));
}

/** `query { ...F0 }` where each fragment spreads the next one twice: 2^levels spreads in all. */
function doubledSpreads(levels: number): string {
  const fragments = Array.from({ length: levels }, (_, i) =>
    i === levels - 1
      ? `fragment F${i} on Query { item { id } }`
      : `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
  );
  return `query { ...F0 } ${fragments.join(' ')}`;
}

describe('operation limits', () => {
  it('accepts an ordinary query', () => {
    expect(check('{ item { id name child { id } } }')).toEqual([]);
  });

  it('rejects depth over the limit, through fragments too', () => {
    expect(check('{ item { child { child { child { child { id } } } } } }')).toEqual([
      { code: 'QUERY_TOO_COMPLEX', limit: 'depth' },
    ]);
    expect(check('query { item { ...A } } fragment A on Item { child { child { child { child { id } } } } }')).toEqual([
      { code: 'QUERY_TOO_COMPLEX', limit: 'depth' },
    ]);
  });

  it('rejects too many aliases', () => {
    expect(check('{ a: item { id } b: item { id } c: item { id } d: item { id } }')).toEqual([
      { code: 'QUERY_TOO_COMPLEX', limit: 'aliases' },
    ]);
  });

  it('counts objects, multiplied by page size; scalar fields are free', () => {
    expect(check('{ items(first: 10) { id name child { id } } }')).toEqual([]);
    expect(check('{ items(first: 500) { id name } }')).toEqual([]);
    expect(check('{ items(first: 50) { id child { id } child2: child { id } } }')).toEqual([
      { code: 'QUERY_TOO_COMPLEX', limit: 'cost' },
    ]);
    expect(check('{ items(last: 50) { child { id } child2: child { name } } }')).toEqual([
      { code: 'QUERY_TOO_COMPLEX', limit: 'cost' },
    ]);
    expect(check('{ items(first: 10) { items(first: 10) { child { id } } } }')).toEqual([
      { code: 'QUERY_TOO_COMPLEX', limit: 'cost' },
    ]);
  });

  it('takes page sizes from the variables the operation runs with', () => {
    const query = 'query ($n: Int) { items(first: $n) { child { id } child2: child { name } } }';
    expect(check(query, { n: 10 })).toEqual([]);
    expect(check(query, { n: 50 })).toEqual([{ code: 'QUERY_TOO_COMPLEX', limit: 'cost' }]);
    // A declared default counts when the variable is not sent.
    expect(check('query ($n: Int = 50) { items(first: $n) { child { id } child2: child { name } } }')).toEqual([
      { code: 'QUERY_TOO_COMPLEX', limit: 'cost' },
    ]);
  });

  it('counts a fragment spread many times by its measure, in linear time', () => {
    for (const levels of [20, 30, 40]) {
      const started = performance.now();
      const errors = check(doubledSpreads(levels), {}, { ...LIMITS, depth: 100, aliases: 100, cost: 5000 });
      // (each leaf fragment selects `item { id }`: one object per spread)
      expect(errors).toEqual([{ code: 'QUERY_TOO_COMPLEX', limit: 'cost' }]);
      // Linear: each fragment measured once. The exponential walk took seconds at 20 levels.
      expect(performance.now() - started).toBeLessThan(50);
    }
  });

  it('ignores introspection fields when measuring', () => {
    expect(check('{ __typename item { __typename id } }')).toEqual([]);
  });
});
