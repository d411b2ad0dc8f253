import type { NodeFetcher } from '../../platform/graphql/node-fetcher.js';
import { expectGlobalId } from '../../platform/graphql/relay.js';
import { findHubOfPcn } from '../hub-services/index.js';
import { PatientTraceTask } from './hub-registration.entity.js';
import { HubTeam } from './referral-setup.entity.js';
import { ReferralErrors } from './referrals.errors.js';
import { toReferralType, toTeamType, toTraceTaskType } from './referrals.mappers.js';
import { REFERRAL_READERS, TRACE_ROLES } from './referrals.policy.js';
import { ReferralQueries } from './referrals.query.js';

/** `node(id:)` for a Referral: the roles and rules of `referral(id:)`. */
export const referralNode: NodeFetcher = {
  roles: REFERRAL_READERS,
  fetch: async (ctx, globalId) => toReferralType(await new ReferralQueries(ctx).byId(globalId)),
};

/** `node(id:)` for a HubTeam: `hubTeams` (the teams of the viewer's PCN hub). */
export const hubTeamNode: NodeFetcher = {
  roles: REFERRAL_READERS,
  fetch: async (ctx, globalId) => {
    const id = expectGlobalId(globalId, 'HubTeam', 'id');
    const hub = await findHubOfPcn(ctx.em, ctx.actor.pcnId);
    const team = hub ? await ctx.em.findOne(HubTeam, { id, hub: hub.id }) : null;
    if (!team) throw ReferralErrors.teamNotFound();
    return toTeamType(team);
  },
};

/**
 * `node(id:)` for a PatientTraceTask: `patientTraceTasks` (the viewer's own hub's tasks, any
 * state), audited as a read of the patient like each task that query returns.
 */
export const patientTraceTaskNode: NodeFetcher = {
  roles: TRACE_ROLES,
  fetch: async (ctx, globalId) => {
    const id = expectGlobalId(globalId, 'PatientTraceTask', 'id');
    const task =
      ctx.actor.organisationKind === 'HUB'
        ? await ctx.em.findOne(PatientTraceTask, { id, hub: ctx.actor.organisationId })
        : null;
    if (!task) throw ReferralErrors.taskNotFound(id);
    await ctx.audit.recordNow(ctx.em, [
      {
        action: 'readPatientTraceTask',
        subjectType: 'PatientTraceTask',
        subjectId: task.id,
        patientId: task.patient.id,
      },
    ]);
    return toTraceTaskType(task);
  },
};
