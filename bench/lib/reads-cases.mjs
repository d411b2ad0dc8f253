// The operations of bench/reads.mjs: each one's GraphQL request (body(context)), who sends it, what a
// right answer looks like (check), and its floor in bench/lib/floors.mjs (same name) with the rows
// that floor returns. readContext() looks up, once, the ids and codes the requests and floors use.

const HUB = 'Y99000';
const SEARCH = 'Jones';
const ENTRIES = [
  { snomedCode: '38341003', term: 'Hypertension' },
  { snomedCode: '195967001', term: 'Asthma' },
  { snomedCode: '44054006', term: 'Type 2 diabetes mellitus' },
];

const gql = (query, variables = {}) => JSON.stringify({ query, variables });
const expect = (ok, what) => {
  if (!ok) throw new Error(`unexpected answer: ${what}`);
};

export const READS = {
  patients: {
    label: 'patients search page (50)',
    principal: 'clinician',
    body: () =>
      gql(`query { patients(search: "${SEARCH}", first: 50) { edges { node {
        id nhsNumber givenName familyName dateOfBirth sex registeredPractice { odsCode name } } } } }`),
    check: (data) => expect(data.patients.edges.length === 50, 'patients page not 50'),
    floorRows: 50,
  },
  prescriptions: {
    label: 'prescriptions page (50, with items)',
    principal: 'clinician',
    body: () =>
      gql(`query { prescriptions(first: 50) { edges { node {
        id state courseOfTherapy raisedAt issuedAt shortFormId
        patient { nhsNumber familyName } registeredPractice { odsCode }
        items { lineNo dmdCode medicineName quantity unit dosageText } } } } }`),
    check: (data) =>
      expect(
        data.prescriptions.edges.length === 50 && data.prescriptions.edges[0].node.items.length > 0,
        'prescriptions page not 50 with items',
      ),
    floorRows: 50,
  },
  consultation: {
    label: 'hub consultation (3 entries, write-back)',
    principal: 'clinician',
    body: ({ consultationGlobalId }) =>
      gql(
        `query($id: ID!) { hubConsultation(id: $id) { id state version revision savedAt
          entries { id kind coded { codedKind snomedCode term }
            writeBack { decision state reason targetOrganisation { odsCode } } } } }`,
        { id: consultationGlobalId },
      ),
    check: (data) =>
      expect(
        data.hubConsultation.entries.length === 3 && data.hubConsultation.entries.every((e) => e.writeBack),
        'consultation without its 3 written-back entries',
      ),
    floorRows: 1,
  },
  audit: {
    label: 'audit events page (50, hub manager)',
    principal: 'manager',
    body: () =>
      gql(`query { auditEvents(first: 50) { edges { node {
        id at actorId actorType action subjectType subjectId outcome organisationOds } } } }`),
    check: (data) => expect(data.auditEvents.edges.length === 50, 'audit page not 50'),
    floorRows: 50,
  },
  save: {
    label: 'save: record + save, 3 coded entries',
    principal: 'clinician',
    body: ({ nhsNumber }) =>
      gql(
        `mutation($input: RecordConsultationInput!) { recordConsultation(input: $input) { consultation { id revision } } }`,
        { input: { nhsNumber, entries: ENTRIES.map((coded) => ({ coded })) } },
      ),
    // The second request of each operation: __VALUE__ is the recorded consultation's id.
    then: {
      extract: 'data.recordConsultation.consultation.id',
      body: gql(
        `mutation($input: SaveConsultationInput!) { saveConsultation(input: $input) {
          consultation { id revision version writeBackState entries { id writeBack { state } } } } }`,
        { input: { consultationId: '__VALUE__' } },
      ),
    },
    check: (data) => expect(data.recordConsultation.consultation.id, 'no consultation recorded'),
    floorRows: 1,
    // What one floor statement wrote.
    floorCheck: (row) =>
      expect(
        [row.entries, row.deliveries, row.records, row.events, row.audit].map(Number).join() === '3,3,3,3,2',
        `floor wrote ${JSON.stringify(row)}`,
      ),
  },
};

/** Ids and codes the requests and floors need, from the seeded database. */
export async function readContext(client) {
  const one = async (sql, params) => (await client.query(sql, params)).rows[0];
  const hub = await one('select id, pcn_id, name from organisation where ods_code = $1', [HUB]);
  const pcnOdsCodes = (
    await client.query('select ods_code from organisation where id = $1 or pcn_id = $1 order by ods_code', [hub.pcn_id])
  ).rows.map((r) => r.ods_code);
  // The patient every save is for: the first demo patient, registered at a practice with an active
  // hub-to-practice write-back agreement.
  const patient = await one(
    `select p.id, p.nhs_number, o.id as practice_id, o.ods_code, a.id as agreement_id
     from patient p join organisation o on o.id = p.registered_practice_id
     join write_back_agreement a on a.source_id = $1 and a.target_id = o.id and a.state = 'ACTIVE'
     order by p.nhs_number limit 1`,
    [hub.id],
  );
  if (!patient) throw new Error('no patient at a practice with an active write-back agreement');
  return {
    hubId: hub.id,
    pcnId: hub.pcn_id,
    pcnOdsCodes,
    search: SEARCH,
    nhsNumber: patient.nhs_number,
    patientId: patient.id,
    author: 'hub.anp1',
    location: hub.name,
    entries: ENTRIES,
    targetId: patient.practice_id,
    targetOds: patient.ods_code,
    hubOds: HUB,
    agreementId: patient.agreement_id,
    reason: `hub-to-practice agreement ${patient.agreement_id} is ACTIVE; patient is registered at ${patient.ods_code}; authored at ${HUB}; source product NATIVE`,
  };
}
