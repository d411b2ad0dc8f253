// Seed for bench/prescribing.mjs: prescriptions and their items straight into PostgreSQL (batched
// `insert ... select from unnest(arrays)`), on top of the demo PCN (migrations + demo seed already
// applied). Synthetic data only: demo patients (999-range NHS numbers), made-up dm+d codes with valid
// check digits, demo prescribers and cost centre. Deterministic (seeded PRNG) apart from uuids.
import { randomBytes, randomUUID } from 'node:crypto';

function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `name:type` pairs, in the order the seed builds each row. */
const spec = (text) =>
  text
    .trim()
    .split(/\s+/)
    .map((pair) => pair.split(':'));
const PRESCRIPTION = spec(`
  id:uuid hub_id:uuid patient_id:uuid registered_practice_id:uuid hub_service_id:uuid consultation_id:uuid
  course_of_therapy:text state:text item_count:smallint nominated_dispenser_ods:text raised_by:text
  raised_at:timestamptz cost_centre_id:uuid prescriber_id:uuid issuer_ods:text prescriber_code_kind:text
  prescriber_code:text prescription_type:text short_form_id:text long_form_id:uuid issued_by:text
  issued_at:timestamptz status_reason:text updated_at:timestamptz`);
const ITEM = spec(`
  id:uuid prescription_id:uuid line_no:smallint dmd_code:text medicine_name:text quantity:numeric unit:text
  dosage_text:text controlled_drug_schedule:text`);

/** INSERT ... SELECT FROM unnest(arrays): one statement per batch whatever the column count. */
async function insertColumns(client, table, columns, rows) {
  const names = columns.map(([c]) => `"${c}"`).join(', ');
  const args = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  const values = columns.map((_, i) => rows.map((r) => r[i]));
  await client.query(`insert into "${table}" (${names}) select * from unnest(${args})`, values);
}

/**
 * `count` synthetic dm+d codes: item id 88801.. in the UK drug extension (namespace 1000001,
 * partition 10) with a Verhoeff check digit, each checked with the schema package's validator and
 * kept off the controlled-drug list.
 */
export function syntheticDmdCodes(count, { verhoeffCheckDigit, isValidDmdCode, controlledDrugSchedule }) {
  return Array.from({ length: count }, (_, i) => {
    const body = `${88801 + i}100000110`;
    const code = `${body}${verhoeffCheckDigit(body)}`;
    if (!isValidDmdCode(code)) throw new Error(`generated dm+d code ${code} does not validate`);
    if (controlledDrugSchedule(code)) throw new Error(`generated dm+d code ${code} is on the controlled-drug list`);
    return code;
  });
}

const DAY = 86_400_000;
const ITEM_COUNTS = [
  [1, 20],
  [2, 30],
  [3, 30],
  [4, 20],
]; // mean 2.5 items: 1,000,000 items is about 400,000 prescriptions
const PRACTICE_WEIGHTS = [13, 10, 8, 12, 9, 11, 7];
const DISPENSERS = [null, null, null, 'FA001', 'FB002', 'FC003', 'FD004'];
const UNITS = ['tablet', 'capsule', 'ml', 'inhaler', 'gram'];
const DOSAGES = [
  'One to be taken twice a day',
  'One to be taken three times a day',
  'Apply twice daily',
  'As directed',
];

/**
 * Seeds prescriptions until `itemTarget` items exist, issued across [from, to). Mix: 85% acute at
 * the hub (55% dispensed, 37% issued, 5% cancelled after issue, 3% only raised), 15% repeats (75%
 * issued by the practice under its own code, 10% pending at the practice, 10% rejected, 5%
 * cancelled). Returns what the summary should count, per practice ODS code and month.
 */
export async function seedPrescribing(
  client,
  { itemTarget, from, to, dmdCodes, prescriptionTypeOf, buildShortFormPrescriptionId, batch = 10_000 },
) {
  const random = mulberry32(20261124);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const weighted = (pairs) => {
    let r = random() * pairs.reduce((s, [, w]) => s + w, 0);
    for (const [value, w] of pairs) if ((r -= w) < 0) return value;
    return pairs[pairs.length - 1][0];
  };
  const one = async (sql, params) => (await client.query(sql, params)).rows;
  const [hub] = await one("select id from organisation where kind = 'HUB' order by ods_code limit 1");
  const practices = (await one("select id, ods_code from organisation where kind = 'PRACTICE' order by ods_code")).map(
    (o, i) => ({ ...o, weight: PRACTICE_WEIGHTS[i] ?? 10, sequence: 0 }),
  );
  const patients = await one('select id, registered_practice_id from patient');
  const byPractice = new Map(practices.map((p) => [p.id, patients.filter((x) => x.registered_practice_id === p.id)]));
  const services = (await one('select id from hub_service where hub_id = $1', [hub.id])).map((r) => r.id);
  const [costCentre] = await one('select id, ods_code from prescribing_cost_centre where hub_id = $1 and active', [
    hub.id,
  ]);
  const prescribers = await one(
    `select p.id, p.code_kind, p.code, p.profession, u.username from prescriber p
     join staff_user u on u.id = p.staff_user_id where p.cost_centre_id = $1 and p.active order by u.username`,
    [costCentre.id],
  );
  if (!hub || !costCentre || prescribers.length === 0 || practices.length === 0 || services.length === 0)
    throw new Error('the demo seed is missing the hub, its cost centre, prescribers, practices or services');

  const span = to.getTime() - from.getTime();
  const expected = new Map(); // `${ods}|${YYYY-MM}` -> [prescriptions, items]
  let hubSequence = 0;
  let items = 0;
  let prescriptions = 0;
  while (items < itemTarget) {
    const rows = [];
    const lines = [];
    for (let b = 0; b < batch && items < itemTarget; b++) {
      const practice = weighted(practices.map((p) => [p, p.weight]));
      const patient = pick(byPractice.get(practice.id));
      const itemCount = Math.min(weighted(ITEM_COUNTS), itemTarget - items);
      const day = Math.floor((random() * span) / DAY);
      const issuedAt = new Date(from.getTime() + day * DAY + (8 + random() * 12) * 3_600_000);
      const raisedAt = new Date(issuedAt.getTime() - Math.floor(random() * 20 * 60_000));
      const repeat = random() < 0.15;
      const prescriber = pick(prescribers);
      const service = random() < 0.2 ? null : pick(services);
      const id = randomUUID();
      let state;
      let issue = null; // what issuing copies onto the row
      let reason = null;
      if (!repeat) {
        state = weighted([
          ['DISPENSED', 55],
          ['ISSUED', 37],
          ['CANCELLED', 5],
          ['RAISED', 3],
        ]);
        if (state !== 'RAISED')
          issue = {
            costCentreId: costCentre.id,
            prescriberId: prescriber.id,
            ods: costCentre.ods_code,
            codeKind: prescriber.code_kind,
            code: prescriber.code,
            type: prescriptionTypeOf[prescriber.profession].code,
            by: prescriber.username,
            sequence: hubSequence++,
          };
        if (state === 'CANCELLED') reason = 'Wrong quantity';
      } else {
        state = weighted([
          ['ISSUED', 75],
          ['PENDING_PRACTICE_RECONCILIATION', 10],
          ['REJECTED', 10],
          ['CANCELLED', 5],
        ]);
        if (state === 'ISSUED') {
          const by = `p${practices.indexOf(practice) + 1}.gp`;
          issue = { costCentreId: null, prescriberId: null, ods: practice.ods_code, codeKind: null, code: null };
          Object.assign(issue, { type: null, by, sequence: practice.sequence++ });
        }
        if (state === 'REJECTED' || state === 'CANCELLED') reason = 'Not clinically appropriate';
      }
      // Per issuing code sequence and MOD 37-2 check character, as the API assigns them.
      const shortFormId = issue
        ? buildShortFormPrescriptionId({
            random6Hex: randomBytes(3).toString('hex'),
            odsCode: issue.ods,
            sequence: issue.sequence,
          })
        : null;
      rows.push([
        id,
        hub.id,
        patient.id,
        practice.id,
        service,
        null,
        repeat ? 'REPEAT' : 'ACUTE',
        state,
        itemCount,
        pick(DISPENSERS),
        prescriber.username,
        raisedAt,
        issue?.costCentreId ?? null,
        issue?.prescriberId ?? null,
        issue?.ods ?? null,
        issue?.codeKind ?? null,
        issue?.code ?? null,
        issue?.type ?? null,
        shortFormId,
        issue ? randomUUID() : null,
        issue?.by ?? null,
        issue ? issuedAt : null,
        reason,
        issue ? issuedAt : raisedAt,
      ]);
      for (let line = 1; line <= itemCount; line++) {
        // Skewed: a few medicines are prescribed far more often than the rest.
        const code = dmdCodes[Math.floor(dmdCodes.length * random() ** 2)];
        lines.push([
          randomUUID(),
          id,
          line,
          code,
          `SYNTHETIC medicine ${code.slice(0, 5)}`,
          pick(['14', '28', '56', '100']),
          pick(UNITS),
          pick(DOSAGES),
          null,
        ]);
      }
      if (issue?.costCentreId && (state === 'ISSUED' || state === 'DISPENSED')) {
        const key = `${practice.ods_code}|${issuedAt.toISOString().slice(0, 7)}`;
        const sums = expected.get(key) ?? [0, 0];
        expected.set(key, [sums[0] + 1, sums[1] + itemCount]);
      }
      items += itemCount;
      prescriptions += 1;
    }
    await insertColumns(client, 'prescription', PRESCRIPTION, rows);
    await insertColumns(client, 'prescription_item', ITEM, lines);
  }
  // Keep the id sequences where issuing would carry on from.
  const sequences = [[costCentre.ods_code, hubSequence], ...practices.map((p) => [p.ods_code, p.sequence])].filter(
    ([, n]) => n > 0,
  );
  await client.query(
    'insert into prescription_sequence (ods_code, last_value) select * from unnest($1::text[], $2::int[])',
    [sequences.map(([ods]) => ods), sequences.map(([, n]) => (n - 1) % 0x100000)],
  );
  await client.query('analyze prescription; analyze prescription_item');
  return { prescriptions, items, expected };
}
