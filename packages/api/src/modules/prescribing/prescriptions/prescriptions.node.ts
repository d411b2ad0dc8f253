import type { NodeFetcher } from '../../../platform/graphql/node-fetcher.js';
import { toPrescriptionType } from '../prescribing.mappers.js';
import { PRESCRIPTION_READERS } from '../prescribing.policy.js';
import { PrescriptionQueries } from './prescriptions.query.js';

/** `node(id:)` for a Prescription: the roles and rules of `prescription(id:)`. */
export const prescriptionNode: NodeFetcher = {
  roles: PRESCRIPTION_READERS,
  fetch: async (ctx, globalId) => toPrescriptionType(await new PrescriptionQueries(ctx).byId(globalId)),
};
