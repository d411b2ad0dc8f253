// Seed for bench/reads.mjs, on top of the demo PCN: more patients (the demo's names and 999-range NHS
// numbers from demoPatient, spread over the PCN's practices), prescriptions and their items
// (bench/lib/prescribing-seed.mjs) and audit events (synthetic actions on those patients). Synthetic
// data only. `client` needs query(sql, params) -> { rows } (a pg Client).
import { seedPrescribing, syntheticDmdCodes } from './prescribing-seed.mjs';

const dist = new URL('../../packages/api/dist/', import.meta.url);
const DAY = 86_400_000;

/** INSERT ... SELECT FROM unnest(arrays), in batches. */
async function insertRows(client, table, columns, rows, batch = 5000) {
  const names = columns.map(([c]) => `"${c}"`).join(', ');
  const args = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  for (let start = 0; start < rows.length; start += batch) {
    const slice = rows.slice(start, start + batch);
    const values = columns.map((_, i) => slice.map((r) => r[i]));
    await client.query(`insert into "${table}" (${names}) select * from unnest(${args})`, values);
  }
}

export async function seedReads(client, { uuidv7 }, { patients, items, auditEvents }) {
  const { demoPatient, DEMO } = await import(new URL('seed/demo.js', dist).href);
  const schema = await import(new URL('../../packages/schema/dist/index.js', import.meta.url).href);
  const { controlledDrugSchedule } = await import(new URL('modules/prescribing/controlled-drugs.codes.js', dist).href);
  const { PRESCRIPTION_TYPE_OF } = await import(new URL('modules/prescribing/prescribing.codes.js', dist).href);

  // 1. Patients after the demo's own (numbers DEMO.patientCount...), registered across the practices.
  const practices = (await client.query("select id from organisation where kind = 'PRACTICE' order by ods_code")).rows;
  const now = new Date();
  const rows = [];
  for (let i = DEMO.patientCount; i < DEMO.patientCount + patients; i++) {
    const p = demoPatient(i);
    const practice = practices[i % practices.length].id;
    rows.push([uuidv7(), p.nhsNumber, p.givenName, p.familyName, p.dateOfBirth, p.sex, practice, now]);
  }
  const PATIENT = [
    ['id', 'uuid'],
    ['nhs_number', 'text'],
    ['given_name', 'text'],
    ['family_name', 'text'],
    ['date_of_birth', 'date'],
    ['sex', 'text'],
    ['registered_practice_id', 'uuid'],
    ['created_at', 'timestamptz'],
  ];
  await insertRows(client, 'patient', PATIENT, rows);
  await client.query('analyze patient');

  // 2. Prescriptions over the last year.
  const seeded = await seedPrescribing(client, {
    itemTarget: items,
    from: new Date(now.getTime() - 365 * DAY),
    to: now,
    dmdCodes: syntheticDmdCodes(200, { ...schema, controlledDrugSchedule }),
    prescriptionTypeOf: PRESCRIPTION_TYPE_OF,
    buildShortFormPrescriptionId: schema.buildShortFormPrescriptionId,
  });

  // 3. Audit events: staff of the PCN reading and changing those patients over the last 90 days.
  const actors = (
    await client.query(
      `select u.username, o.ods_code from staff_user u join organisation o on o.id = u.organisation_id order by u.username`,
    )
  ).rows;
  const patientIds = (await client.query('select id from patient order by id')).rows.map((r) => r.id);
  const ACTIONS = ['readPatient', 'readInbox', 'recordConsultation', 'saveConsultation', 'readPrescription'];
  const events = [];
  for (let i = 0; i < auditEvents; i++) {
    const actor = actors[i % actors.length];
    const patient = patientIds[(i * 7919) % patientIds.length];
    const at = new Date(now.getTime() - Math.floor(((auditEvents - i) / auditEvents) * 90 * DAY));
    const action = ACTIONS[i % ACTIONS.length];
    events.push([uuidv7(), at, actor.username, 'USER', actor.ods_code, action, 'Patient', patient, patient, 'SUCCESS']);
  }
  const AUDIT = [
    ['id', 'uuid'],
    ['at', 'timestamptz'],
    ['actor_id', 'text'],
    ['actor_type', 'text'],
    ['organisation_ods', 'text'],
    ['action', 'text'],
    ['subject_type', 'text'],
    ['subject_id', 'text'],
    ['patient_id', 'uuid'],
    ['outcome', 'text'],
  ];
  await insertRows(client, 'audit_event', AUDIT, events);
  await client.query('analyze audit_event');
  return { prescriptions: seeded.prescriptions, items: seeded.items };
}
