import { LockMode } from '@mikro-orm/core';
import { isValidOdsCode, isValidPracticeOdsCode, normaliseOdsCode } from '@pcn-hub/schema';
import type { AuthenticatedContext } from '../../../platform/context.js';
import type { Em } from '../../../platform/db/orm.js';
import { expectGlobalId } from '../../../platform/graphql/relay.js';
import { Organisation, StaffUser } from '../../organisations/index.js';
import { PrescribingCostCentre, Prescriber } from '../cost-centre.entity.js';
import { prescriberCodeProblem, type PrescriberCodeKind, type Profession } from '../prescribing.codes.js';
import { PrescribingErrors } from '../prescribing.errors.js';

/** The active cost centre of a hub, or null. */
export async function activeCostCentreOf(em: Em, hubId: string): Promise<PrescribingCostCentre | null> {
  return em.findOne(PrescribingCostCentre, { hub: hubId, active: true });
}

/** The active prescriber record of `username` in `costCentreId`, or null. */
export async function activePrescriber(em: Em, costCentreId: string, username: string): Promise<Prescriber | null> {
  return em.findOne(
    Prescriber,
    { costCentre: costCentreId, staffUser: { username }, active: true },
    { populate: ['staffUser'] },
  );
}

/** The cost centre of the viewer's hub (hub staff) or of their PCN's hub (PCN analysts). */
export async function costCentreForActor(ctx: AuthenticatedContext): Promise<PrescribingCostCentre | null> {
  const { actor } = ctx;
  if (actor.organisationKind === 'HUB') return activeCostCentreOf(ctx.em, actor.organisationId);
  if (actor.organisationKind !== 'PCN') return null;
  return ctx.em.findOne(
    PrescribingCostCentre,
    { hub: { pcn: actor.pcnId, kind: 'HUB' }, active: true },
    { orderBy: { odsCode: 'asc' } },
  );
}

/** Managing the hub's prescribing cost centre and its prescribers (hub managers; audited). */
export class CostCentreService {
  constructor(private readonly ctx: AuthenticatedContext) {}

  /**
   * Sets the hub's cost centre. The same code updates its name and commissioner; a new code
   * retires the current one (kept, inactive, with its prescribers and attribution) and becomes
   * the active one. A code another organisation uses is CONFLICT.
   */
  async set(input: {
    odsCode: string;
    name: string;
    parentCommissionerCode?: string | null;
  }): Promise<PrescribingCostCentre> {
    const hubId = this.ctx.actor.organisationId;
    const odsCode = normaliseOdsCode(input.odsCode);
    if (!isValidPracticeOdsCode(odsCode)) throw PrescribingErrors.badCostCentreOds();
    const name = input.name.trim();
    if (name.length < 1 || name.length > 200) throw PrescribingErrors.badText('input.name', 200);
    const commissioner = input.parentCommissionerCode?.trim() ? normaliseOdsCode(input.parentCommissionerCode) : null;
    if (commissioner !== null && !isValidOdsCode(commissioner)) throw PrescribingErrors.badCommissioner();
    return this.ctx.em.transactional(async (em) => {
      // Serialises concurrent changes to one hub's cost centre.
      await em.findOneOrFail(Organisation, { id: hubId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const org = await em.findOne(Organisation, { odsCode });
      if (org && org.id !== hubId) throw PrescribingErrors.costCentreTaken();
      const existing = await em.findOne(PrescribingCostCentre, { odsCode });
      if (existing && existing.hub.id !== hubId) throw PrescribingErrors.costCentreTaken();
      const current = await activeCostCentreOf(em, hubId);
      if (current && current.id !== existing?.id) current.active = false;
      const target =
        existing ??
        em.create(PrescribingCostCentre, {
          odsCode,
          name,
          hub: em.getReference(Organisation, hubId),
          parentCommissionerCode: commissioner,
        });
      target.name = name;
      target.parentCommissionerCode = commissioner;
      target.active = true;
      this.ctx.audit.record(em, {
        action: 'setPrescribingCostCentre',
        subjectType: 'PrescribingCostCentre',
        subjectId: target.id,
        reason: current && current.id !== target.id ? `replaces ${current.id}` : null,
      });
      return target;
    });
  }

  /** Attaches a hub staff member holding HUB_PRESCRIBER to the active cost centre. */
  async addPrescriber(input: {
    username: string;
    codeKind: PrescriberCodeKind;
    code: string;
    profession: Profession;
  }): Promise<Prescriber> {
    const hubId = this.ctx.actor.organisationId;
    const code = input.code.trim().toUpperCase();
    const problem = prescriberCodeProblem(input.codeKind, code, input.profession);
    if (problem) throw PrescribingErrors.badPrescriberCode(problem);
    return this.ctx.em.transactional(async (em) => {
      const costCentre = await activeCostCentreOf(em, hubId);
      if (!costCentre) throw PrescribingErrors.noCostCentre();
      const user = await em.findOne(StaffUser, { username: input.username.trim(), organisation: hubId, active: true });
      if (!user) throw PrescribingErrors.staffNotFound();
      if (!user.roles.includes('HUB_PRESCRIBER')) throw PrescribingErrors.staffNotPrescriber();
      const existing = await em.findOne(
        Prescriber,
        { costCentre: costCentre.id, staffUser: user.id },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (existing?.active) throw PrescribingErrors.prescriberExists();
      const prescriber =
        existing ??
        em.create(Prescriber, {
          costCentre,
          staffUser: user,
          codeKind: input.codeKind,
          code,
          profession: input.profession,
        });
      Object.assign(prescriber, { codeKind: input.codeKind, code, profession: input.profession, active: true });
      this.ctx.audit.record(em, { action: 'addPrescriber', subjectType: 'Prescriber', subjectId: prescriber.id });
      return prescriber;
    });
  }

  /** Detaches a prescriber; their past prescriptions keep the code they were issued under. */
  async deactivatePrescriber(input: { prescriberId: string }): Promise<Prescriber> {
    const id = expectGlobalId(input.prescriberId, 'Prescriber', 'input.prescriberId');
    return this.ctx.em.transactional(async (em) => {
      const prescriber = await em.findOne(Prescriber, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const costCentre = prescriber ? await em.findOne(PrescribingCostCentre, { id: prescriber.costCentre.id }) : null;
      if (!prescriber || costCentre?.hub.id !== this.ctx.actor.organisationId)
        throw PrescribingErrors.prescriberNotFound();
      if (!prescriber.active) return prescriber;
      prescriber.active = false;
      this.ctx.audit.record(em, {
        action: 'deactivatePrescriber',
        subjectType: 'Prescriber',
        subjectId: prescriber.id,
      });
      return prescriber;
    });
  }

  async prescribers(costCentreId: string, activeOnly: boolean): Promise<Prescriber[]> {
    return this.ctx.em.find(
      Prescriber,
      { costCentre: costCentreId, ...(activeOnly ? { active: true } : {}) },
      { populate: ['staffUser'], orderBy: { staffUser: { username: 'asc' } } },
    );
  }
}
