// Seed for bench/inbox.mjs and bench/reads.mjs: online consultations (and their arrival history)
// straight into the tables with batched `insert ... select from unnest(arrays)`, on top of the demo
// PCN (migrations + demo seed applied). Synthetic data only (demo patients, 999-range NHS numbers).
// Deterministic (seeded PRNG) apart from ids. `client` needs only query(sql, params) -> { rows }: a
// pg Client or a PGlite instance.

function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const URGENCIES = ['SAME_DAY', 'WITHIN_24_HOURS', 'WITHIN_3_DAYS', 'WITHIN_5_DAYS', 'ROUTINE'];
const TEMPLATES = [
  'Sore throat',
  'Back pain',
  'Skin rash',
  'Medication query',
  'Fit note request',
  'Test results',
  'Repeat prescription',
];
const SUPPLIERS = ['ECONSULT', 'ACCURX', 'PATCHS', 'KLINIK'];
const OPEN_STATES = [
  ['AWAITING_TRIAGE', 35],
  ['IN_TRIAGE', 6],
  ['HUB_SERVICE_QUEUE', 10],
  ['ADMIN_QUEUE', 9],
  ['URGENT_ESCALATION', 2],
  ['IN_PROGRESS', 8],
  ['SIGNPOSTED_EXTERNAL', 4],
  ['CLOSED_REMOTELY', 5],
  ['COMPLETED', 18],
  ['CANCELLED', 3],
];
const LOCKED = new Set(['IN_TRIAGE', 'IN_PROGRESS', 'SIGNPOSTED_EXTERNAL', 'CLOSED_REMOTELY']);
const SIGNPOSTED = new Set([
  'HUB_SERVICE_QUEUE',
  'ADMIN_QUEUE',
  'URGENT_ESCALATION',
  'IN_PROGRESS',
  'SIGNPOSTED_EXTERNAL',
  'CLOSED_REMOTELY',
  'COMPLETED',
]);
const LATEST_ACTION = {
  IN_TRIAGE: ['CLAIM', 'AWAITING_TRIAGE'],
  PASSED_TO_PRACTICE: ['PASS_BACK', 'IN_TRIAGE'],
  IN_PROGRESS: ['CLAIM', 'ADMIN_QUEUE'],
  COMPLETED: ['COMPLETE', 'CLOSED_REMOTELY'],
  CANCELLED: ['CANCEL', null],
};

/** `name:type` pairs, in the order the seed builds each row. */
const spec = (text) =>
  text
    .trim()
    .split(/\s+/)
    .map((pair) => pair.split(':'));
const COLUMNS = spec(`
  id:uuid supplier:text supplier_reference:text originating_practice_id:uuid owner_id:uuid patient_id:uuid
  nhs_number:text given_name:text family_name:text date_of_birth:date type:text template:text
  submitted_at:timestamptz response_expected_by:timestamptz answers:jsonb red_flags:jsonb red_flag_count:int
  ice:jsonb attachments:jsonb state:text urgency:text urgency_rank:smallint signpost:jsonb
  signpost_service_id:uuid routing_reason:text lock_holder:text lock_holder_org_id:uuid lock_holder_family:text
  lock_since:timestamptz lock_expires_at:timestamptz triage_notes:text outcome:text
  created_at:timestamptz updated_at:timestamptz`);
const HISTORY = spec(`
  id:uuid consultation_id:uuid action:text from_state:text to_state:text actor_id:text reason:text
  from_owner_id:uuid to_owner_id:uuid at:timestamptz`);

/** INSERT ... SELECT FROM unnest(arrays): one statement per batch whatever the column count. */
async function insertColumns(client, table, columns, rows) {
  const names = columns.map(([c]) => `"${c}"`).join(', ');
  const args = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  const values = columns.map((_, i) => rows.map((r) => r[i]));
  await client.query(`insert into "${table}" (${names}) select * from unnest(${args})`, values);
}

export async function seedConsultations(client, count, uuidv7) {
  const random = mulberry32(20261124);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const weighted = (pairs) => {
    let r = random() * pairs.reduce((s, [, w]) => s + w, 0);
    for (const [value, w] of pairs) if ((r -= w) < 0) return value;
    return pairs[pairs.length - 1][0];
  };
  const orgs = (
    await client.query(
      "select id, ods_code, kind from organisation where kind in ('HUB', 'PRACTICE') order by ods_code",
    )
  ).rows;
  const hub = orgs.find((o) => o.kind === 'HUB');
  const practices = orgs
    .filter((o) => o.kind === 'PRACTICE')
    .map((o, i) => ({ ...o, n: i + 1, weight: [13, 10, 8, 12, 9, 11, 7][i] ?? 10 }));
  const patients = (
    await client.query(
      "select id, nhs_number, given_name, family_name, to_char(date_of_birth, 'YYYY-MM-DD') as dob, registered_practice_id from patient",
    )
  ).rows;
  const services = (await client.query('select id from hub_service where hub_id = $1', [hub.id])).rows.map((r) => r.id);
  const keeper = practices[practices.length - 1]; // this practice keeps its consultations
  await client.query(
    "insert into oc_routing_setting (id, practice_id, routing, updated_by, updated_at) values ($1, $2, 'PRACTICE_INBOX', 'hub.manager', now())",
    [uuidv7(), keeper.id],
  );
  const byPractice = new Map(practices.map((p) => [p.id, patients.filter((x) => x.registered_practice_id === p.id)]));
  const now = Date.now();
  const BATCH = 5000;
  for (let start = 0; start < count; start += BATCH) {
    const rows = [];
    const history = [];
    for (let i = start; i < Math.min(start + BATCH, count); i++) {
      const practice = weighted(practices.map((p) => [p, p.weight]));
      const patient = pick(byPractice.get(practice.id));
      const matched = random() < 0.7;
      const submitted = now - Math.floor(random() * 120 * DAY);
      const recent = now - submitted < 10 * DAY;
      const routing =
        practice === keeper
          ? 'PRACTICE_SETTING'
          : weighted([
              ['ROUTED_TO_HUB', 85],
              ['PASSED_BACK', 10],
              ['HUB_OVER_CAPACITY', 5],
            ]);
      const ownerId = routing === 'ROUTED_TO_HUB' ? hub.id : practice.id;
      const atHub = ownerId === hub.id;
      let state;
      if (!matched) state = recent && random() < 0.8 ? 'UNMATCHED' : 'CANCELLED';
      else if (!recent) state = random() < 0.92 ? 'COMPLETED' : 'CANCELLED';
      else state = weighted(OPEN_STATES);
      if (routing === 'PASSED_BACK' && ['AWAITING_TRIAGE', 'IN_TRIAGE'].includes(state)) state = 'PASSED_TO_PRACTICE';
      if (state === 'HUB_SERVICE_QUEUE' && !atHub) state = 'ADMIN_QUEUE';
      const flags = random() < 0.1 ? 1 + Math.floor(random() * 3) : 0;
      const redFlags = Array.from({ length: flags }, (_, k) => ({
        questionId: `rf${k + 1}`,
        description: pick(['Chest pain', 'Breathlessness', 'Blood in stool', 'Sudden weakness']),
      }));
      const type = random() < 0.75 ? 'CLINICAL' : 'ADMIN';
      const actor = atHub ? `hub.anp${1 + Math.floor(random() * 3)}` : `p${practice.n}.gp`;
      let urgency = null;
      let signpost = null;
      let serviceId = null;
      if (SIGNPOSTED.has(state)) {
        urgency =
          state === 'URGENT_ESCALATION' || flags
            ? pick(URGENCIES.slice(0, 2))
            : weighted([
                [URGENCIES[0], 10],
                [URGENCIES[1], 20],
                [URGENCIES[2], 25],
                [URGENCIES[3], 15],
                [URGENCIES[4], 30],
              ]);
        const destination = ['IN_PROGRESS', 'COMPLETED'].includes(state)
          ? pick(atHub ? ['HUB_SERVICE_QUEUE', 'ADMIN_QUEUE', 'CLOSED_REMOTELY'] : ['ADMIN_QUEUE', 'CLOSED_REMOTELY'])
          : state;
        serviceId = destination === 'HUB_SERVICE_QUEUE' ? pick(services) : null;
        signpost = {
          team: pick(['GP', 'ANP', 'PHARMACIST', 'CARE_COORDINATOR']),
          urgency,
          mode: pick(['TELEPHONE', 'FACE_TO_FACE', 'ONLINE_MESSAGE']),
          type,
          destination,
          serviceId,
          comment: null,
          by: actor,
          at: new Date(submitted + 3_600_000).toISOString(),
        };
      }
      const locked = LOCKED.has(state);
      const lockSince = locked ? (recent ? now - Math.floor(random() * 40 * 60_000) : submitted + 7_200_000) : null;
      const outcome =
        state === 'COMPLETED' ? pick(['Advice given', 'Prescription issued', 'Appointment booked']) : null;
      const id = uuidv7();
      const dob = matched ? patient.dob : '1901-01-01';
      const at = new Date(submitted);
      rows.push([
        id,
        SUPPLIERS[i % SUPPLIERS.length],
        `BENCH-${i}`,
        practice.id,
        ownerId,
        matched ? patient.id : null,
        patient.nhs_number,
        patient.given_name,
        patient.family_name,
        dob,
        type,
        pick(TEMPLATES),
        at,
        new Date(submitted + 2 * DAY),
        JSON.stringify([
          { questionId: 'q1', question: 'What would you like help with?', answer: 'Symptoms for a few days' },
          { questionId: 'q2', question: 'How long has this been going on?', answer: pick(['Days', 'Weeks', 'Months']) },
          { questionId: 'q3', question: 'Have you tried anything?', answer: 'Paracetamol' },
        ]),
        JSON.stringify(redFlags),
        flags,
        random() < 0.6
          ? JSON.stringify({ ideas: 'Maybe an infection', concerns: 'Getting worse', expectations: 'Advice' })
          : null,
        JSON.stringify(
          random() < 0.1 ? [{ fileName: 'photo.jpg', contentType: 'image/jpeg', sizeBytes: 200_000 }] : [],
        ),
        state,
        urgency,
        urgency ? URGENCIES.indexOf(urgency) : URGENCIES.length,
        signpost && JSON.stringify(signpost),
        serviceId,
        routing,
        locked ? actor : null,
        locked ? ownerId : null,
        locked ? 'CLINICIAN' : null,
        lockSince && new Date(lockSince),
        lockSince && new Date(lockSince + 30 * 60_000),
        state === 'PASSED_TO_PRACTICE' ? 'Needs a face-to-face review at the practice' : null,
        outcome,
        at,
        new Date(Math.max(submitted, lockSince ?? submitted)),
      ]);
      const arrived = matched ? 'AWAITING_TRIAGE' : 'UNMATCHED';
      const arrivalOwner = routing === 'PASSED_BACK' ? hub.id : ownerId;
      history.push([uuidv7(), id, 'ARRIVE', 'RECEIVED', arrived, 'oc.supplier', null, null, arrivalOwner, at]);
      if (state !== arrived) {
        const [action, from] = LATEST_ACTION[state] ?? ['SIGNPOST', 'IN_TRIAGE'];
        const reason = state === 'CANCELLED' ? 'Duplicate request' : outcome;
        history.push([
          uuidv7(),
          id,
          action,
          from ?? arrived,
          state,
          actor,
          reason,
          arrivalOwner,
          ownerId,
          new Date(submitted + 3_600_000),
        ]);
      }
    }
    await insertColumns(client, 'online_consultation', COLUMNS, rows);
    await insertColumns(client, 'consultation_transition', HISTORY, history);
  }
  await client.query('analyze online_consultation');
  await client.query('analyze consultation_transition');
}
