import 'reflect-metadata';
import { graphql, isObjectType } from 'graphql';
import { Authorized, buildSchema, Field, FieldResolver, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { resolvePlainFieldsByDefault } from './plain-fields.js';

@ObjectType({ description: 'A probe.' })
class Probe {
  @Field({ description: 'Plain.' }) plain!: string;
  @Field({ name: 'renamed', description: 'Exposed under another name.' }) internalName!: string;
  @Authorized('ADMIN')
  @Field({ description: 'Guarded.', nullable: true })
  guarded?: string;
  @Field({ description: 'Resolved.' }) resolved!: string;
}

@ObjectType({ description: 'A probe extending another.' })
class ChildProbe extends Probe {
  @Field({ description: 'Own.' }) own!: string;
}

@Resolver(() => Probe)
class ProbeResolver {
  @Query(() => ChildProbe, { description: 'The probe.' })
  probe(): ChildProbe {
    return Object.assign(new ChildProbe(), { plain: 'p', internalName: 'i', guarded: 'g', resolved: 'r', own: 'o' });
  }

  @FieldResolver(() => String, { description: 'Resolved.' })
  resolved(@Root() probe: Probe): string {
    return `${probe.resolved}!`;
  }
}

describe('resolvePlainFieldsByDefault', () => {
  it('leaves plain fields to the default read and keeps every resolver, rule and rename', async () => {
    expect(resolvePlainFieldsByDefault()).toBeGreaterThan(0);
    const schema = await buildSchema({
      resolvers: [ProbeResolver],
      orphanedTypes: [ChildProbe],
      authChecker: ({ context }) => Boolean((context as { admin?: boolean }).admin),
      validate: false,
      skipCheck: true,
    });
    const child = schema.getType('ChildProbe');
    if (!isObjectType(child)) throw new Error('ChildProbe missing');
    const fields = child.getFields();
    expect(fields.plain!.resolve).toBeUndefined();
    expect(fields.own!.resolve).toBeUndefined();
    expect(fields.renamed!.resolve).toBeTypeOf('function');
    expect(fields.guarded!.resolve).toBeTypeOf('function');
    expect(fields.resolved!.resolve).toBeTypeOf('function');

    const source = '{ probe { plain renamed resolved own guarded } }';
    const asAdmin = await graphql({ schema, source, contextValue: { admin: true } });
    expect(asAdmin).toEqual({ data: { probe: { plain: 'p', renamed: 'i', resolved: 'r!', own: 'o', guarded: 'g' } } });
    const asOther = await graphql({ schema, source, contextValue: {} });
    // `guarded` still refuses.
    expect(asOther.data).toEqual({ probe: { plain: 'p', renamed: 'i', resolved: 'r!', own: 'o', guarded: null } });
    expect(asOther.errors?.[0]?.path).toEqual(['probe', 'guarded']);
  });
});
