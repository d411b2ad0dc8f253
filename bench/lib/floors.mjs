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
};

export const uuid = randomUUID;
