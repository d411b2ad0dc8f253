import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/harness.js';
import { MIGRATIONS } from './migrations/index.js';

describeEachDatabase('migrations', (hub) => {
  it('applies every committed migration, in order', async () => {
    const rows = await hub().sql<{ name: string }>('select name from mikro_orm_migrations order by id');
    expect(rows.map((r) => r.name)).toEqual(MIGRATIONS.map((m) => m.name));
  });

  it('leaves the database exactly as the entities describe it (no drift between entities and migrations)', async () => {
    const sql = await hub().app.orm.schema.getUpdateSchemaSQL({ wrap: false });
    // Hand-written database guards the entity metadata cannot express: the audit trail's
    // append-only trigger and the prescription sequence's range check. Anything else is drift.
    const handWritten =
      /audit_event_no_update|audit_event_audit_event_no_update_fn|audit_event_append_only|^\s*\$\$|language plpgsql|prescription_sequence_range_check/;
    const drift = sql.split('\n').filter((line) => line.trim() && !handWritten.test(line));
    expect(drift).toEqual([]);
  });

  it('keeps the audit trail append-only at the database level', async () => {
    await expect(hub().sql("update audit_event set outcome = 'SUCCESS'")).rejects.toThrow(/append-only/);
    await expect(hub().sql('delete from audit_event')).rejects.toThrow(/append-only/);
  });
});
