import { hasAnyRole } from '../../../platform/auth/actor.js';
import type { NodeFetcher } from '../../../platform/graphql/node-fetcher.js';
import { expectGlobalId } from '../../../platform/graphql/relay.js';
import { HubError } from '../../../platform/errors.js';
import { Prescriber, PrescribingCostCentre } from '../cost-centre.entity.js';
import { costCentreForActor } from './cost-centre.service.js';
import { PrescribingErrors } from '../prescribing.errors.js';
import { toCostCentreType, toPrescriberType } from '../prescribing.mappers.js';
import { COST_CENTRE_MANAGERS, COST_CENTRE_READERS } from '../prescribing.policy.js';

/** `node(id:)` for a PrescribingCostCentre: `prescribingCostCentre` (the viewer's hub's active one only). */
export const costCentreNode: NodeFetcher = {
  roles: COST_CENTRE_READERS,
  fetch: async (ctx, globalId) => {
    const id = expectGlobalId(globalId, 'PrescribingCostCentre', 'id');
    const costCentre = await costCentreForActor(ctx);
    if (costCentre?.id !== id) throw new HubError('NOT_FOUND', 'Cost centre not found', { field: 'id' });
    return toCostCentreType(costCentre);
  },
};

/**
 * `node(id:)` for a Prescriber: `prescribingCostCentre { prescribers(activeOnly: false) }` (the
 * prescribers of the viewer's active cost centre, active or not), and for the hub's managers any
 * prescriber of their hub's cost centres (`deactivatePrescriber` names them by id).
 */
export const prescriberNode: NodeFetcher = {
  roles: COST_CENTRE_READERS,
  fetch: async (ctx, globalId) => {
    const id = expectGlobalId(globalId, 'Prescriber', 'id');
    const prescriber = await ctx.em.findOne(Prescriber, { id }, { populate: ['staffUser'] });
    const costCentre = prescriber
      ? await ctx.em.findOne(PrescribingCostCentre, { id: prescriber.costCentre.id })
      : null;
    const ofOwnHub = hasAnyRole(ctx.actor, COST_CENTRE_MANAGERS) && costCentre?.hub.id === ctx.actor.organisationId;
    const visible = costCentre !== null && (ofOwnHub || (await costCentreForActor(ctx))?.id === costCentre.id);
    if (!prescriber || !visible) throw PrescribingErrors.prescriberNotFound();
    return toPrescriberType(prescriber, prescriber.staffUser.getEntity());
  },
};
