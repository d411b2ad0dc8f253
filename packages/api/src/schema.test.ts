import 'reflect-metadata';
import { Authorized, Field, getMetadataStorage, ObjectType } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { buildHubSchema } from './schema.js';
import { resolvePlainFieldsByDefault } from './platform/graphql/plain-fields.js';

@ObjectType('SchemaTestGuarded', { description: 'Only for this test; never in a schema.' })
class Guarded {
  @Field(() => String, { description: 'A plain field.' })
  plain!: string;

  @Authorized('HUB_MANAGER')
  @Field(() => String, { description: 'A field with a role: its wrapper checks it.' })
  guarded!: string;

  @Field(() => String, { name: 'renamed', description: 'Schema name differs from the property.' })
  property!: string;
}

describe('plain fields are read as properties', () => {
  it('marks plain fields simple, never a field with a role or a schema name of its own', () => {
    resolvePlainFieldsByDefault();
    const fields = getMetadataStorage().fields.filter((f) => f.target === Guarded);
    const simple = Object.fromEntries(fields.map((f) => [f.name, f.simple]));
    expect(simple).toEqual({ plain: true, guarded: undefined, property: undefined });
  });

  it('leaves the hub schema no resolver on plain fields, and every field resolver in place', async () => {
    const schema = await buildHubSchema();
    const resolved = (type: string, field: string) =>
      Boolean(
        (schema.getType(type) as unknown as { getFields(): Record<string, { resolve?: unknown }> }).getFields()[field]!
          .resolve,
      );
    for (const [type, field] of [
      ['PrescriptionItem', 'lineNo'],
      ['Prescription', 'state'],
      ['Organisation', 'odsCode'],
      ['AuditEvent', 'at'],
      ['HubConsultationEntry', 'kind'],
    ]) {
      expect(resolved(type!, field!), `${type}.${field}`).toBe(false);
    }
    for (const [type, field] of [
      ['Prescription', 'items'],
      ['Prescription', 'patient'],
      ['Organisation', 'pcn'],
      ['HubConsultationEntry', 'writeBack'],
      ['Query', 'prescriptions'],
    ]) {
      expect(resolved(type!, field!), `${type}.${field}`).toBe(true);
    }
  });
});
