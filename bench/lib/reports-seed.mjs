// Seed for bench/reports.mjs: a year of a PCN's online consultations and their triage history,
// generated inside PostgreSQL (generate_series into a scratch table, then two INSERT ... SELECT),
// on top of the demo PCN (migrations + demo seed already applied). Synthetic data only: every
// consultation is from a demo patient (999-range NHS numbers) to that patient's practice.
// Deterministic (setseed) apart from uuids.

/**
 * Where a consultation went, with its share of the year's volume. `hub`: the hub owns it now.
 * Steps: action, from, to, and when, as (a, b): submitted_at + a * triage + b * answer minutes.
 */
const PATHS = [
  // At the hub: about 35% of the volume, as in the pilot (30-40%).
  {
    path: 'HUB_CLOSED',
    share: 14,
    hub: true,
    state: 'COMPLETED',
    destination: 'CLOSED_REMOTELY',
    steps: [
      ['CLAIM', 'AWAITING_TRIAGE', 'IN_TRIAGE', 0.8, 0],
      ['SIGNPOST', 'IN_TRIAGE', 'CLOSED_REMOTELY', 1, 0],
      ['COMPLETE', 'CLOSED_REMOTELY', 'COMPLETED', 1, 1],
    ],
  },
  {
    path: 'HUB_SERVICE',
    share: 10,
    hub: true,
    state: 'COMPLETED',
    destination: 'HUB_SERVICE_QUEUE',
    steps: [
      ['CLAIM', 'AWAITING_TRIAGE', 'IN_TRIAGE', 0.8, 0],
      ['SIGNPOST', 'IN_TRIAGE', 'HUB_SERVICE_QUEUE', 1, 0],
      ['CLAIM', 'HUB_SERVICE_QUEUE', 'IN_PROGRESS', 1, 0.5],
      ['COMPLETE', 'IN_PROGRESS', 'COMPLETED', 1, 1],
    ],
  },
  {
    path: 'HUB_EXTERNAL',
    share: 5,
    hub: true,
    state: 'COMPLETED',
    destination: 'SIGNPOSTED_EXTERNAL',
    steps: [
      ['CLAIM', 'AWAITING_TRIAGE', 'IN_TRIAGE', 0.8, 0],
      ['SIGNPOST', 'IN_TRIAGE', 'SIGNPOSTED_EXTERNAL', 1, 0],
      ['COMPLETE', 'SIGNPOSTED_EXTERNAL', 'COMPLETED', 1, 1],
    ],
  },
  {
    path: 'HUB_ADMIN',
    share: 3,
    hub: true,
    state: 'COMPLETED',
    destination: 'ADMIN_QUEUE',
    steps: [
      ['CLAIM', 'AWAITING_TRIAGE', 'IN_TRIAGE', 0.8, 0],
      ['SIGNPOST', 'IN_TRIAGE', 'ADMIN_QUEUE', 1, 0],
      ['CLAIM', 'ADMIN_QUEUE', 'IN_PROGRESS', 1, 0.5],
      ['COMPLETE', 'IN_PROGRESS', 'COMPLETED', 1, 1],
    ],
  },
  {
    path: 'HUB_URGENT',
    share: 1,
    hub: true,
    state: 'COMPLETED',
    destination: 'URGENT_ESCALATION',
    steps: [
      ['CLAIM', 'AWAITING_TRIAGE', 'IN_TRIAGE', 0.8, 0],
      ['SIGNPOST', 'IN_TRIAGE', 'URGENT_ESCALATION', 1, 0],
      ['CLAIM', 'URGENT_ESCALATION', 'IN_PROGRESS', 1, 0.2],
      ['COMPLETE', 'IN_PROGRESS', 'COMPLETED', 1, 0.4],
    ],
  },
  {
    path: 'HUB_CANCELLED',
    share: 1,
    hub: true,
    state: 'CANCELLED',
    destination: null,
    steps: [
      ['CLAIM', 'AWAITING_TRIAGE', 'IN_TRIAGE', 0.8, 0],
      ['CANCEL', 'IN_TRIAGE', 'CANCELLED', 1, 0],
    ],
  },
  { path: 'HUB_OPEN', share: 1, hub: true, state: 'AWAITING_TRIAGE', destination: null, steps: [] },
  // Passed back by the hub; the practice then answers.
  {
    path: 'PASSED_BACK',
    share: 10,
    hub: false,
    state: 'COMPLETED',
    destination: 'CLOSED_REMOTELY',
    steps: [
      ['CLAIM', 'AWAITING_TRIAGE', 'IN_TRIAGE', 0.8, 0],
      ['PASS_BACK', 'IN_TRIAGE', 'PASSED_TO_PRACTICE', 1, 0],
      ['CLAIM', 'PASSED_TO_PRACTICE', 'IN_TRIAGE', 1, 0.3],
      ['SIGNPOST', 'IN_TRIAGE', 'CLOSED_REMOTELY', 1, 0.5],
      ['COMPLETE', 'CLOSED_REMOTELY', 'COMPLETED', 1, 1],
    ],
  },
  // Kept by the practice (its own inbox).
  {
    path: 'PRACTICE_CLOSED',
    share: 35,
    hub: false,
    state: 'COMPLETED',
    destination: 'CLOSED_REMOTELY',
    steps: [
      ['CLAIM', 'AWAITING_TRIAGE', 'IN_TRIAGE', 0.8, 0],
      ['SIGNPOST', 'IN_TRIAGE', 'CLOSED_REMOTELY', 1, 0],
      ['COMPLETE', 'CLOSED_REMOTELY', 'COMPLETED', 1, 1],
    ],
  },
  {
    path: 'PRACTICE_ADMIN',
    share: 15,
    hub: false,
    state: 'COMPLETED',
    destination: 'ADMIN_QUEUE',
    steps: [
      ['CLAIM', 'AWAITING_TRIAGE', 'IN_TRIAGE', 0.8, 0],
      ['SIGNPOST', 'IN_TRIAGE', 'ADMIN_QUEUE', 1, 0],
      ['CLAIM', 'ADMIN_QUEUE', 'IN_PROGRESS', 1, 0.5],
      ['COMPLETE', 'IN_PROGRESS', 'COMPLETED', 1, 1],
    ],
  },
  {
    path: 'PRACTICE_OPEN',
    share: 5,
    hub: false,
    state: 'IN_TRIAGE',
    destination: null,
    steps: [['CLAIM', 'AWAITING_TRIAGE', 'IN_TRIAGE', 0.8, 0]],
  },
];

const q = (v) => (v === null ? 'null' : `'${v}'`);

/**
 * Seeds `count` online consultations submitted across [from, to) and their transitions (ARRIVE,
 * then each path's steps). Time to first triage: e^U(0,7) minutes (1 minute to 18 hours); time
 * to answer after it: e^U(0,8.5) minutes; response expected 2 days after submission for 90%.
 * Returns the seeded counts.
 */
export async function seedOnlineConsultations(client, { count, from, to }) {
  const total = PATHS.reduce((s, p) => s + p.share, 0);
  let upTo = 0;
  const pathCase = PATHS.map((p) => {
    upTo += p.share / total;
    return `when r < ${upTo.toFixed(6)} then '${p.path}'`;
  }).join(' ');
  const paths = `(values ${PATHS.map((p) => `('${p.path}', ${p.hub}, '${p.state}', ${q(p.destination)})`).join(', ')}) as p(path, at_hub, state, destination)`;
  const steps = PATHS.flatMap((p) =>
    [['ARRIVE', 'RECEIVED', 'AWAITING_TRIAGE', 0, 0], ...p.steps].map(
      (s, i) => `('${p.path}', ${i}, '${s[0]}', '${s[1]}', '${s[2]}', ${s[3]}, ${s[4]})`,
    ),
  );
  await client.query('select setseed(0.42)');
  await client.query(
    `create temporary table bench_oc as
    with pt as (select array_agg(id order by nhs_number) as ids, count(*)::int as n from patient)
    select gen_random_uuid() as id, g, pt.ids[1 + floor(random() * pt.n)::int] as patient_id,
           case ${pathCase} else 'PRACTICE_CLOSED' end as path,
           $1::timestamptz + random() * ($2::timestamptz - $1::timestamptz) as submitted_at,
           random() < 0.9 as has_due, random() < 0.8 as clinical,
           exp(random() * 7) as triage_minutes, exp(random() * 8.5) as answer_minutes
      from pt, generate_series(1, $3::int) g, lateral (select random() + g * 0 as r) as rr`,
    [from, to, count],
  );
  const hub = (await client.query("select id from organisation where kind = 'HUB' and ods_code = 'Y99000'")).rows[0].id;
  await client.query(
    `insert into online_consultation (id, supplier, supplier_reference, originating_practice_id, owner_id, patient_id,
       nhs_number, given_name, family_name, date_of_birth, type, template, submitted_at, response_expected_by, answers,
       red_flags, red_flag_count, ice, attachments, state, urgency, urgency_rank, signpost, routing_reason, version,
       created_at, updated_at)
     select s.id, 'ECONSULT', 'BENCH-' || s.g, pa.registered_practice_id,
            case when p.at_hub then $1::uuid else pa.registered_practice_id end, pa.id,
            pa.nhs_number, pa.given_name, pa.family_name, pa.date_of_birth,
            case when s.clinical then 'CLINICAL' else 'ADMIN' end, 'General enquiry', s.submitted_at,
            case when s.has_due then s.submitted_at + interval '2 days' end, '[]', '[]', 0, null, '[]', p.state,
            case when p.destination is not null then 'ROUTINE' end, case when p.destination is not null then 4 else 5 end,
            case when p.destination is not null then jsonb_build_object('team', 'ANP', 'urgency', 'ROUTINE', 'mode', 'TELEPHONE',
              'type', 'CLINICAL', 'destination', p.destination, 'serviceId', null, 'comment', null, 'by', 'bench', 'at', s.submitted_at) end,
            case when s.path = 'PASSED_BACK' then 'PASSED_BACK' when p.at_hub then 'ROUTED_TO_HUB' else 'PRACTICE_SETTING' end,
            1, s.submitted_at, s.submitted_at
       from bench_oc s join patient pa on pa.id = s.patient_id join ${paths} on p.path = s.path`,
    [hub],
  );
  await client.query(
    `insert into consultation_transition (id, consultation_id, action, from_state, to_state, actor_id, reason, from_owner_id, to_owner_id, at)
     select gen_random_uuid(), s.id, st.action, st.from_state, st.to_state, 'bench', null, null, c.owner_id,
            s.submitted_at + (st.a * s.triage_minutes + st.b * s.answer_minutes) * interval '1 minute'
       from bench_oc s join online_consultation c on c.id = s.id
       join (values ${steps.join(', ')}) as st(path, n, action, from_state, to_state, a, b) on st.path = s.path`,
  );
  await client.query('drop table bench_oc');
  await client.query('analyze online_consultation');
  await client.query('analyze consultation_transition');
  const [counts] = (
    await client.query(
      "select count(*)::int as consultations, (select count(*) from consultation_transition where actor_id = 'bench')::int as transitions from online_consultation where supplier_reference like 'BENCH-%'",
    )
  ).rows;
  return counts;
}
