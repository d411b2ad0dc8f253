// The floors: for each benchmarked operation, ONE SQL statement returning (or writing) the same rows
// the API's answer holds, run by bench/lib/serve-floor.mjs. `params(context)` builds the values of
// one request from what the bench looked up once (ids of the hub, a patient, a consultation...).
import { randomUUID } from 'node:crypto';

export const FLOORS = {
  // The inbox page: 50 consultations of the hub, oldest first, joined to patient and organisations.
  inbox: {
    sql: `select oc.id, oc.state, oc.type, oc.submitted_at, oc.urgency, oc.red_flag_count,
        p.nhs_number, p.family_name, op.ods_code as practice_ods, op.name as practice_name,
        ow.ods_code as owner_ods, ow.name as owner_name
      from online_consultation oc
      left join patient p on p.id = oc.patient_id
      join organisation op on op.id = oc.originating_practice_id
      join organisation ow on ow.id = oc.owner_id
      where oc.owner_id = $1 order by oc.submitted_at, oc.id limit 50`,
    params: ({ hubId }) => [hubId],
  },
  // The patients search page: 50 visible patients whose family name starts with the term.
  patients: {
    sql: `select p.id, p.nhs_number, p.given_name, p.family_name, p.date_of_birth, p.sex, o.ods_code, o.name
      from patient p join organisation o on o.id = p.registered_practice_id
      where o.pcn_id = $1 and p.family_name ilike $2
      order by p.family_name, p.given_name, p.id limit 50`,
    params: ({ pcnId, search }) => [pcnId, `${search}%`],
  },
  // The prescriptions page: 50 of the hub's, newest id first, with patient, practice and items.
  prescriptions: {
    sql: `select p.id, p.state, p.course_of_therapy, p.raised_at, p.issued_at, p.short_form_id,
        pt.nhs_number, pt.family_name, o.ods_code,
        (select json_agg(json_build_object('lineNo', i.line_no, 'dmdCode', i.dmd_code, 'medicineName', i.medicine_name,
            'quantity', i.quantity, 'unit', i.unit, 'dosageText', i.dosage_text) order by i.line_no)
          from prescription_item i where i.prescription_id = p.id) as items
      from prescription p
      join patient pt on pt.id = p.patient_id
      join organisation o on o.id = p.registered_practice_id
      where p.hub_id = $1 order by p.id desc limit 50`,
    params: ({ hubId }) => [hubId],
  },
  // One hub consultation with its entries and each entry's write-back record and delivery state.
  consultation: {
    sql: `select c.id, c.state, c.version, c.revision, c.saved_at,
        (select json_agg(json_build_object('id', e.id, 'kind', e.kind, 'codedKind', e.coded_kind,
            'snomedCode', e.snomed_code, 'term', e.term, 'decision', r.decision, 'reason', r.reason,
            'deliveryState', d.state, 'targetOds', o.ods_code) order by e.id)
          from consultation_entry e
          left join write_back_record r on r.entry_id = e.id
          left join write_back_delivery d on d.id = r.current_delivery_id
          left join organisation o on o.id = r.target_org_id
          where e.consultation_id = c.id and not e.removed) as entries
      from consultation c where c.id = $1`,
    params: ({ consultationId }) => [consultationId],
  },
  // The audit events page a hub manager reads: the PCN's organisations, newest first.
  audit: {
    sql: `select id, at, actor_id, actor_type, action, subject_type, subject_id, outcome, organisation_ods
      from audit_event where organisation_ods = any($1) order by id desc limit 50`,
    params: ({ pcnOdsCodes }) => [pcnOdsCodes],
  },
  // The write: a hub consultation saved with three coded entries, as record + save leave it: the
  // consultation, its entries, a write-back record and outbox delivery per entry (the first PENDING,
  // the others WAITING behind it on the patient's ordering key), one event per entry on the practice's
  // write-back stream (stream head bumped), and the two audit rows. One statement (writable CTEs).
  save: {
    sql: `with c as (
        insert into consultation (id, patient_id, authoring_organisation_id, author_id, location, started_at,
          clinically_relevant, source_product, state, version, revision, saved_at, saved_by, created_at, updated_at)
        values ($1, $2, $3, $4, $5, now(), true, 'NATIVE', 'SAVED', 1, 2, now(), $4, now(), now())
        returning id, patient_id, started_at, saved_at),
      e as (
        insert into consultation_entry (id, consultation_id, kind, coded_kind, snomed_code, term, revision,
          saved_revision, created_by, updated_by, created_at, updated_at)
        select gen_random_uuid(), c.id, 'CODED', 'FINDING', x.code, x.term, 1, 1, $4, $4, now(), now()
        from c, unnest($6::text[], $7::text[]) as x(code, term)
        returning id, snomed_code, term),
      w as (
        select e.*, gen_random_uuid() as record_id, gen_random_uuid() as delivery_id, gen_random_uuid() as message_id,
          row_number() over (order by e.id) as n from e),
      d as (
        insert into write_back_delivery (id, message_id, record_id, entry_id, consultation_id, patient_id, pcn_id,
          source_org_id, target_org_id, ordering_key, kind, version, payload, state, next_attempt_at, due_at,
          created_at, updated_at)
        select w.delivery_id, w.message_id, w.record_id, w.id, c.id, c.patient_id, $8, $3, $9,
          $9::uuid::text || ':' || c.patient_id::text, 'ENTRY', 1,
          jsonb_build_object('heading', 'Enterprise Consultation (' || $5 || ')', 'targetOdsCode', $10::text,
            'consultation', jsonb_build_object('id', c.id, 'version', 1, 'startedAt', c.started_at,
              'savedAt', c.saved_at, 'location', $5, 'authorId', $4, 'clinicallyRelevant', true,
              'sourceProduct', 'NATIVE', 'sourceOrganisation', jsonb_build_object('id', $3::uuid, 'odsCode', $11::text)),
            'entry', jsonb_build_object('id', w.id, 'kind', 'CODED', 'codedKind', 'FINDING',
              'snomedCode', w.snomed_code, 'term', w.term)),
          case when w.n = 1 then 'PENDING' else 'WAITING' end, now(), now() + interval '3 hours', now(), now()
        from w, c returning id),
      r as (
        insert into write_back_record (id, entry_id, consultation_id, patient_id, pcn_id, source_org_id, target_org_id,
          decision, reason, agreement_id, current_delivery_id, decided_at, created_at, updated_at)
        select w.record_id, w.id, c.id, c.patient_id, $8, $3, $9, 'WRITE_BACK', $12, $13, w.delivery_id,
          now(), now(), now()
        from w, c returning id),
      h as (
        insert into stream_head (stream, seq) values ('write-back:' || $9::uuid::text, 3)
        on conflict (stream) do update set seq = stream_head.seq + 3 returning seq),
      ev as (
        insert into event_log (stream, seq, type, subject_type, subject_id, actor_id, payload, created_at)
        select 'write-back:' || $9::uuid::text, h.seq - 3 + w.n, 'WRITE_BACK_PENDING', 'WriteBackRecord', w.record_id::text, $4,
          jsonb_build_object('state', 'PENDING', 'recordId', w.record_id, 'entryId', w.id, 'consultationId', c.id,
            'deliveryId', w.delivery_id, 'messageId', w.message_id, 'version', 1, 'attempt', null), now()
        from w, c, h returning id),
      a as (
        insert into audit_event (id, at, actor_id, actor_type, organisation_ods, action, subject_type, subject_id,
          patient_id, outcome, request_id, reason)
        select gen_random_uuid(), now(), $4, 'USER', $11, x.action, 'HubConsultation', c.id::text, c.patient_id,
          'SUCCESS', gen_random_uuid()::text, x.reason
        from c, (values ('recordConsultation', null), ('saveConsultation', 'version 1; 3 entries changed')) as x(action, reason)
        returning id)
      select c.id, (select count(*) from e) as entries, (select count(*) from d) as deliveries,
        (select count(*) from r) as records, (select count(*) from ev) as events, (select count(*) from a) as audit
      from c`,
    params: (x) => [
      randomUUID(),
      x.patientId,
      x.hubId,
      x.author,
      x.location,
      x.entries.map((e) => e.snomedCode),
      x.entries.map((e) => e.term),
      x.pcnId,
      x.targetId,
      x.targetOds,
      x.hubOds,
      x.reason,
      x.agreementId,
    ],
  },
};
