import { buildSchema, parse, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import * as jit from 'graphql-jit';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { compiledExecutor, MAX_COMPILED_SELECTIONS, withinSelections } from './compiled-execution.js';

vi.mock('graphql-jit', async (importOriginal) => {
  const original = await importOriginal<typeof import('graphql-jit')>();
  return { ...original, compileQuery: vi.fn(original.compileQuery) };
});

const schema = buildSchema(`type Query { viewer: Viewer } type Viewer { id: ID! name: String }`);
schema.getQueryType()!.getFields().viewer!.resolve = () => ({ id: 'v1', name: 'Ada' });

function operationOf(document: DocumentNode): OperationDefinitionNode {
  return document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
}

function run(executor: ReturnType<typeof compiledExecutor>, source: string, actor: unknown = { id: 'u1' }) {
  const document = parse(source);
  return executor({
    document,
    operation: operationOf(document),
    request: { query: source },
    context: { actor },
    queryHash: source,
  } as never);
}

const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: viewer { id }`).join(' ')} }`;

describe('compiled execution', () => {
  beforeEach(() => {
    vi.mocked(jit.compileQuery).mockClear();
  });

  it('compiles an operation on its n-th authenticated run, once, with the same result', async () => {
    const executor = compiledExecutor(schema, 2);
    const first = await run(executor, '{ viewer { id name } }');
    expect(jit.compileQuery).not.toHaveBeenCalled();
    const second = await run(executor, '{ viewer { id name } }');
    const third = await run(executor, '{ viewer { id name } }');
    expect(jit.compileQuery).toHaveBeenCalledTimes(1);
    expect(second).toEqual(first);
    expect(third).toEqual(first);
  });

  it('never compiles for an anonymous caller', async () => {
    const executor = compiledExecutor(schema, 1);
    for (let i = 0; i < 3; i += 1) await run(executor, '{ viewer { id } }', null);
    expect(jit.compileQuery).not.toHaveBeenCalled();
  });

  it('runs an operation too large to compile quickly on graphql-js, whatever its count', async () => {
    const executor = compiledExecutor(schema, 1);
    const big = aliases(MAX_COMPILED_SELECTIONS); // two selections each
    for (let i = 0; i < 3; i += 1) {
      const result = await run(executor, big);
      expect(Object.keys(result.data ?? {})).toHaveLength(MAX_COMPILED_SELECTIONS);
    }
    expect(jit.compileQuery).not.toHaveBeenCalled();
    await run(executor, aliases(MAX_COMPILED_SELECTIONS / 2));
    expect(jit.compileQuery).toHaveBeenCalledTimes(1);
  });
});

describe('withinSelections', () => {
  const check = (source: string, limit: number) => {
    const document = parse(source);
    return withinSelections(document, operationOf(document), limit);
  };

  it('counts every selection, nested ones included', () => {
    expect(check('{ viewer { id name } }', 3)).toBe(true);
    expect(check('{ viewer { id name } }', 2)).toBe(false);
  });

  it('counts a fragment once per spread, as it is inlined', () => {
    const source = `{ a: viewer { ...F } b: viewer { ...F } } fragment F on Viewer { id name }`;
    // a, ...F, id, name, b, ...F, id, name
    expect(check(source, 8)).toBe(true);
    expect(check(source, 7)).toBe(false);
  });

  it('stops at the limit on a document of exponential expansion', () => {
    const levels = Array.from({ length: 30 }, (_, i) => `fragment F${i} on Viewer { ...F${i + 1} ...F${i + 1} }`).join(
      ' ',
    );
    const source = `{ viewer { ...F0 } } ${levels} fragment F30 on Viewer { id }`;
    expect(check(source, 1_000)).toBe(false);
  });
});
