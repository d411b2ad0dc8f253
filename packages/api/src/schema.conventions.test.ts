import { readFileSync } from 'node:fs';
import {
  buildSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
} from 'graphql';
import { describe, expect, it } from 'vitest';

/** The committed contract (the schema drift check keeps it equal to the API's schema). */
const schema = buildSchema(readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8'));
const ROOTS = new Set(['Query', 'Mutation', 'Subscription']);
const types = Object.values(schema.getTypeMap()).filter((t) => !t.name.startsWith('__') && !isSpecifiedScalarType(t));

describe('schema conventions: everything a front-end team reads is described', () => {
  it('every type (but the roots) has a description', () => {
    expect(types.filter((t) => !ROOTS.has(t.name) && !t.description).map((t) => t.name)).toEqual([]);
  });

  it('every field and every argument has a description', () => {
    const missing: string[] = [];
    for (const type of types) {
      if (!isObjectType(type) && !isInterfaceType(type)) continue;
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const arg of field.args) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('every input field has a description', () => {
    const missing = types.filter(isInputObjectType).flatMap((type) =>
      Object.values(type.getFields())
        .filter((f) => !f.description)
        .map((f) => `${type.name}.${f.name}`),
    );
    expect(missing).toEqual([]);
  });

  it('every enum value has a description', () => {
    const missing = types.filter(isEnumType).flatMap((type) =>
      type
        .getValues()
        .filter((v) => !v.description)
        .map((v) => `${type.name}.${v.name}`),
    );
    expect(missing).toEqual([]);
  });
});

describe('schema conventions: a client cache can follow every change', () => {
  it('every mutation returns an object type named ...Payload (carrying the changed objects)', () => {
    const offenders = Object.values(schema.getMutationType()!.getFields())
      .filter((field) => {
        const type = getNullableType(field.type);
        return !isObjectType(type) || !type.name.endsWith('Payload');
      })
      .map((field) => `${field.name}: ${String(field.type)}`);
    expect(offenders).toEqual([]);
  });

  it('every input field and argument that takes a global id is named id, <thing>Id or <thing>Ids', () => {
    const named = (name: string) => name === 'id' || /^[a-z][A-Za-z0-9]*Ids?$/.test(name);
    const offenders: string[] = [];
    for (const type of types) {
      if (isInputObjectType(type))
        for (const field of Object.values(type.getFields()))
          if (getNamedType(field.type).name === 'ID' && !named(field.name))
            offenders.push(`${type.name}.${field.name}`);
      if (isObjectType(type) || isInterfaceType(type))
        for (const field of Object.values(type.getFields()))
          for (const arg of field.args)
            if (getNamedType(arg.type).name === 'ID' && !named(arg.name))
              offenders.push(`${type.name}.${field.name}(${arg.name})`);
    }
    expect(offenders).toEqual([]);
  });
});
