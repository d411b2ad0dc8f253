import { describe, expect, it } from 'vitest';
import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { operationLimitsRule } from './limits.js';

const schema = buildSchema(`
  type Item { id: ID! name: String child: Item items(first: Int): [Item!]! }
  type Query { item: Item items(first: Int): [Item!]! }
`);

function check(query: string, limits = { depth: 4, aliases: 3, cost: 100, tokens: 1000 }) {
  return validate(schema, parse(query), [...specifiedRules, operationLimitsRule(limits)]).map((e) => ({
    code: e.extensions.code,
    limit: e.extensions.limit,
  }));
}

describe('operation limits', () => {
  it('accepts an ordinary query', () => {
    expect(check('{ item { id name child { id } } }')).toEqual([]);
  });

  it('rejects depth over the limit, through fragments too', () => {
    expect(check('{ item { child { child { child { child { id } } } } } }')).toEqual([{ code: 'QUERY_TOO_COMPLEX', limit: 'depth' }]);
    expect(
      check('query { item { ...A } } fragment A on Item { child { child { child { child { id } } } } }'),
    ).toEqual([{ code: 'QUERY_TOO_COMPLEX', limit: 'depth' }]);
  });

  it('rejects too many aliases', () => {
    expect(check('{ a: item { id } b: item { id } c: item { id } d: item { id } }')).toEqual([
      { code: 'QUERY_TOO_COMPLEX', limit: 'aliases' },
    ]);
  });

  it('multiplies cost by page size', () => {
    expect(check('{ items(first: 10) { id name } }')).toEqual([]);
    expect(check('{ items(first: 50) { id name } }')).toEqual([{ code: 'QUERY_TOO_COMPLEX', limit: 'cost' }]);
    expect(check('{ items(first: 10) { items(first: 10) { id } } }')).toEqual([{ code: 'QUERY_TOO_COMPLEX', limit: 'cost' }]);
  });

  it('ignores introspection fields when measuring', () => {
    expect(check('{ __typename item { __typename id } }')).toEqual([]);
  });
});
