import { describe, expect, expectTypeOf, it } from 'vitest';
import { fieldsOf, nodeFields } from './fields.js';
import { fromGlobalId } from './relay.js';

interface Source {
  readonly name: string;
  readonly note?: string | null;
  readonly count: number | undefined;
  readonly hidden: string;
}

describe('fieldsOf', () => {
  const source: Source = { name: 'a', count: undefined, hidden: 'h' };

  it('copies the named properties only, an absent value as null', () => {
    expect(fieldsOf(source, ['name', 'note', 'count'])).toStrictEqual({ name: 'a', note: null, count: null });
  });

  it('keeps a present value as it is (false and 0 included)', () => {
    expect(fieldsOf({ on: false, n: 0, at: new Date(0) }, ['on', 'n', 'at'])).toStrictEqual({
      on: false,
      n: 0,
      at: new Date(0),
    });
  });

  it('writes onto `into` when given, keeping what it holds', () => {
    class View {
      kept = true;
    }
    const view = fieldsOf(source, ['name', 'note'], new View());
    expect(view).toBeInstanceOf(View);
    expect(view).toMatchObject({ kept: true, name: 'a', note: null });
    expect(Object.keys(view)).toStrictEqual(['kept', 'name', 'note']);
    expectTypeOf(view).toEqualTypeOf<View & { name: string; note: string | null }>();
  });

  it('types each field as the property, undefined turned to null', () => {
    const fields = fieldsOf(source, ['name', 'note', 'count']);
    expectTypeOf(fields).toEqualTypeOf<{ name: string; note: string | null; count: number | null }>();
    // @ts-expect-error -- a key the source does not have
    fieldsOf(source, ['nmae']);
  });
});

describe('nodeFields', () => {
  it('names the type and derives the global id from the database id', () => {
    const id = '0190a0b0-0000-7000-8000-000000000001';
    const node = nodeFields('Plugin', id);
    expect(node).toStrictEqual({ __typename: 'Plugin', id: node.id, dbId: id });
    expect(fromGlobalId(node.id)).toEqual({ type: 'Plugin', id });
    expectTypeOf(node.__typename).toEqualTypeOf<'Plugin'>();
  });
});
