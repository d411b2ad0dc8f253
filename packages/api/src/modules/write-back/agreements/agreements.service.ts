import { LockMode } from '@mikro-orm/core';
import { normaliseOdsCode } from '@pcn-hub/schema';
import { changeRow, runChange, type Tx } from '../../../platform/changes.js';
import type { AuthenticatedContext } from '../../../platform/context.js';
import type { Em } from '../../../platform/db/orm.js';
import { asJson } from '../../../platform/db/sql.js';
import { Errors } from '../../../platform/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import { runIdempotent } from '../../../platform/idempotency/index.js';
import { Organisation } from '../../organisations/index.js';
import type { AgreementSide, AgreementState } from '../write-back.codes.js';
import { WriteBackAgreement, WriteBackPolicy } from '../write-back-agreement.entity.js';
import { backfillBlocked, backfillSince, type BackfillScope } from '../planning/backfill.service.js';
import { WriteBackErrors } from '../write-back.errors.js';
import type { StreamHint } from '../../../platform/events/index.js';
import { canSeeAgreement, canStopAgreement, sidesActorSpeaksFor, type AgreementFacts } from '../write-back.policy.js';

const scope = (a: WriteBackAgreement) => ({ pcnId: a.pcn.id, sourceId: a.source.id, targetId: a.target.id });

/** The agreement for a pair: the live (not revoked) one, else the latest revoked one, else null. */
export async function findAgreementFacts(em: Em, sourceId: string, targetId: string): Promise<AgreementFacts | null> {
  const rows = await em.find(
    WriteBackAgreement,
    { source: sourceId, target: targetId },
    { orderBy: { createdAt: 'desc' }, limit: 20 },
  );
  const chosen = rows.find((row) => row.state !== 'REVOKED') ?? rows[0] ?? null;
  return chosen ? { id: chosen.id, state: chosen.state, oneToOne: chosen.oneToOne } : null;
}

/**
 * {@link findAgreementFacts} and {@link practiceToPracticeEnabled} as two columns of a statement of
 * the caller's that reads the pair anyway (the save reads them with the consultation it locks):
 * `wb_agreement` (JSON id, state, one_to_one; null when none) and `wb_practice_to_practice`. The
 * arguments are SQL expressions of the source, target and PCN ids.
 */
export function decisionFactsColumns(source: string, target: string, pcn: string): string {
  return `(select json_build_object('id', x.id, 'state', x.state, 'one_to_one', x.one_to_one)
      from (select a.id, a.state, a.one_to_one, a.created_at from write_back_agreement a
            where a.source_id = ${source} and a.target_id = ${target} order by a.created_at desc limit 20) x
      order by x.state = 'REVOKED', x.created_at desc limit 1) as wb_agreement,
    coalesce((select w.practice_to_practice_write_back from write_back_policy w where w.pcn_id = ${pcn}), false)
      as wb_practice_to_practice`;
}

/** The facts of {@link decisionFactsColumns} from the row that read them. */
export function decisionFactsOf(row: { wb_agreement: unknown; wb_practice_to_practice: boolean }): {
  agreement: AgreementFacts | null;
  practiceToPracticeWriteBack: boolean;
} {
  const raw = asJson(row.wb_agreement as { id: string; state: AgreementState; one_to_one: boolean } | string | null);
  return {
    agreement: raw ? { id: raw.id, state: raw.state, oneToOne: raw.one_to_one } : null,
    practiceToPracticeWriteBack: row.wb_practice_to_practice,
  };
}

/** One agreement by id (callers have already established the viewer may see it). */
export function agreementRow(em: Em, id: string): Promise<WriteBackAgreement | null> {
  return em.findOne(WriteBackAgreement, { id });
}

/** The PCN's practice-to-practice switch (off when the PCN has no policy row). */
export async function practiceToPracticeEnabled(em: Em, pcnId: string): Promise<boolean> {
  const policy = await em.findOne(WriteBackPolicy, { pcn: pcnId });
  return policy?.practiceToPracticeWriteBack ?? false;
}

/** ACTIVE unless revoked or a side is not activated; SUSPENDED once it has been ACTIVE before. */
function derivedState(a: WriteBackAgreement): AgreementState {
  if (a.revokedAt) return 'REVOKED';
  if (a.sourceActivatedAt && a.targetActivatedAt) return 'ACTIVE';
  return a.activatedOnceAt ? 'SUSPENDED' : 'REQUESTED';
}

/**
 * Use cases for write-back agreements and the PCN switch. Every change is audited in its own
 * transaction; the lifecycle is REQUESTED -> ACTIVE (both sides activated) <-> SUSPENDED -> REVOKED.
 */
export class WriteBackAgreementService {
  constructor(private readonly ctx: AuthenticatedContext) {}

  private async member(odsCode: string, field: string): Promise<Organisation> {
    const org = await this.ctx.em.findOne(Organisation, { odsCode: normaliseOdsCode(odsCode) });
    if (!org || (org.pcn?.id ?? org.id) !== this.ctx.actor.pcnId) throw WriteBackErrors.organisationNotFound(field);
    if (org.kind !== 'HUB' && org.kind !== 'PRACTICE') throw WriteBackErrors.notAMember(field, org.kind);
    if (!org.active) throw WriteBackErrors.inactiveMember(field);
    return org;
  }

  async list(state: AgreementState | null): Promise<WriteBackAgreement[]> {
    const rows = await this.ctx.em.find(
      WriteBackAgreement,
      { pcn: this.ctx.actor.pcnId, ...(state ? { state } : {}) },
      { orderBy: { createdAt: 'asc' } },
    );
    return rows.filter((row) => canSeeAgreement(this.ctx.actor, scope(row)));
  }

  async byId(id: string): Promise<WriteBackAgreement> {
    const row = await this.ctx.em.findOne(WriteBackAgreement, { id });
    if (!row || !canSeeAgreement(this.ctx.actor, scope(row))) throw WriteBackErrors.agreementNotFound(id);
    return row;
  }

  async request(input: {
    sourceOdsCode: string;
    targetOdsCode: string;
    oneToOne?: boolean | null;
    idempotencyKey?: string | null;
  }): Promise<WriteBackAgreement> {
    const actor = this.ctx.actor;
    // Not one of the actor's own sides: answered before any lookup, alike for known and unknown codes.
    const sides = [normaliseOdsCode(input.sourceOdsCode), normaliseOdsCode(input.targetOdsCode)];
    if (!actor.roles.has('HUB_MANAGER') && !sides.includes(actor.organisationOds)) {
      throw WriteBackErrors.organisationNotFound('input.targetOdsCode');
    }
    const source = await this.member(input.sourceOdsCode, 'input.sourceOdsCode');
    const target = await this.member(input.targetOdsCode, 'input.targetOdsCode');
    if (source.id === target.id) throw WriteBackErrors.samePair();
    if (target.kind !== 'PRACTICE') throw WriteBackErrors.targetNotAPractice();
    const oneToOne = input.oneToOne ?? false;
    if (oneToOne && source.kind !== 'PRACTICE') throw WriteBackErrors.oneToOneNeedsPractices();
    const { result } = await runIdempotent(
      this.ctx.em,
      { actorId: actor.id, key: input.idempotencyKey, operation: 'requestWriteBackAgreement', input },
      async (em) => {
        const live = await em.findOne(WriteBackAgreement, {
          source: source.id,
          target: target.id,
          state: { $ne: 'REVOKED' },
        });
        if (live) throw WriteBackErrors.agreementExists(live.id);
        const agreement = em.create(WriteBackAgreement, {
          id: uuidv7(),
          pcn: em.getReference(Organisation, actor.pcnId),
          source: em.getReference(Organisation, source.id),
          target: em.getReference(Organisation, target.id),
          oneToOne,
          state: 'REQUESTED',
          requestedBy: actor.id,
        });
        this.ctx.audit.record(em, {
          action: 'requestWriteBackAgreement',
          subjectType: 'WriteBackAgreement',
          subjectId: agreement.id,
        });
        return agreement;
      },
      { resultId: (a) => a.id, replay: (id) => this.byId(id) },
    );
    return result;
  }

  /** Activates the side(s) the actor speaks for; ACTIVE once both sides are activated. */
  async activate(id: string): Promise<WriteBackAgreement> {
    return this.change(id, 'activateWriteBackAgreement', (agreement, sides, now) => {
      if (agreement.state === 'REVOKED') throw Errors.invalidTransition('WriteBackAgreement', id, 'REVOKED', 'ACTIVE');
      if (sides.length === 0) throw WriteBackErrors.notYourSide();
      for (const side of sides) {
        if (side === 'SOURCE' && !agreement.sourceActivatedAt) {
          agreement.sourceActivatedAt = now;
          agreement.sourceActivatedBy = this.ctx.actor.id;
        }
        if (side === 'TARGET' && !agreement.targetActivatedAt) {
          agreement.targetActivatedAt = now;
          agreement.targetActivatedBy = this.ctx.actor.id;
        }
      }
    });
  }

  /** ACTIVE -> SUSPENDED: clears the actor's side(s) (both, for a hub manager of neither side). */
  async suspend(id: string): Promise<WriteBackAgreement> {
    return this.change(id, 'suspendWriteBackAgreement', (agreement, sides) => {
      if (!canStopAgreement(this.ctx.actor, scope(agreement))) throw WriteBackErrors.notYourSide();
      if (agreement.state !== 'ACTIVE')
        throw Errors.invalidTransition('WriteBackAgreement', id, agreement.state, 'SUSPENDED');
      const cleared: AgreementSide[] = sides.length > 0 ? sides : ['SOURCE', 'TARGET'];
      if (cleared.includes('SOURCE')) {
        agreement.sourceActivatedAt = null;
        agreement.sourceActivatedBy = null;
      }
      if (cleared.includes('TARGET')) {
        agreement.targetActivatedAt = null;
        agreement.targetActivatedBy = null;
      }
    });
  }

  /** Any state but REVOKED -> REVOKED, for good. */
  async revoke(id: string): Promise<WriteBackAgreement> {
    return this.change(id, 'revokeWriteBackAgreement', (agreement, _sides, now) => {
      if (!canStopAgreement(this.ctx.actor, scope(agreement))) throw WriteBackErrors.notYourSide();
      if (agreement.state === 'REVOKED') throw Errors.invalidTransition('WriteBackAgreement', id, 'REVOKED', 'REVOKED');
      agreement.revokedAt = now;
      agreement.revokedBy = this.ctx.actor.id;
    });
  }

  /**
   * One change of an agreement through the platform's change recipe: the locked, visible
   * agreement, `apply`, its derived state and the audit row; becoming ACTIVE re-plans what it
   * blocked in the same transaction, and the write-back hints go after commit.
   */
  private change(
    id: string,
    action: string,
    apply: (agreement: WriteBackAgreement, sides: AgreementSide[], now: Date) => void,
  ): Promise<WriteBackAgreement> {
    return changeRow(this.ctx, {
      entity: WriteBackAgreement,
      id,
      action,
      subjectType: 'WriteBackAgreement',
      visible: (agreement) => canSeeAgreement(this.ctx.actor, scope(agreement)),
      notFound: (missing) => WriteBackErrors.agreementNotFound(missing),
      apply: async (tx, agreement, events) => {
        const now = new Date();
        const before = agreement.state;
        apply(agreement, sidesActorSpeaksFor(this.ctx.actor, scope(agreement)), now);
        agreement.state = derivedState(agreement);
        if (agreement.state === 'ACTIVE' && !agreement.activatedOnceAt) agreement.activatedOnceAt = now;
        // Became ACTIVE: what it blocked within the window goes out now, in this transaction.
        if (before !== 'ACTIVE' && agreement.state === 'ACTIVE') {
          const where = { pcnId: agreement.pcn.id, sourceOrgId: agreement.source.id, targetOrgId: agreement.target.id };
          events.written(await this.backfill(tx, now, where, `agreement ${id} became ACTIVE`));
        }
      },
      audit: (agreement) => ({ reason: `state ${agreement.state}` }),
    });
  }

  /** Re-plans the blocked entries of `where` within the configured look-back window. */
  private async backfill(
    em: Tx,
    now: Date,
    where: Omit<BackfillScope, 'since'>,
    reason: string,
  ): Promise<StreamHint[]> {
    const since = backfillSince(now, this.ctx.settings.writeBackBackfillDays);
    if (!since) return [];
    await em.flush(); // the decision reads the new agreement state and switch from the database
    const outcome = await backfillBlocked(
      em,
      this.ctx.audit,
      { ...where, since },
      { at: now, by: this.ctx.actor.id, reason },
    );
    return outcome.hints;
  }

  async policy(): Promise<{ practiceToPracticeWriteBack: boolean; updatedBy: string | null; updatedAt: Date | null }> {
    const row = await this.ctx.em.findOne(WriteBackPolicy, { pcn: this.ctx.actor.pcnId });
    return {
      practiceToPracticeWriteBack: row?.practiceToPracticeWriteBack ?? false,
      updatedBy: row?.updatedBy ?? null,
      updatedAt: row?.updatedAt ?? null,
    };
  }

  async setPracticeToPractice(enabled: boolean): Promise<void> {
    const pcnId = this.ctx.actor.pcnId;
    await runChange(this.ctx, {
      action: 'setPracticeToPracticeWriteBack',
      subjectType: 'WriteBackPolicy',
      subjectId: pcnId,
      work: async (tx, events) => {
        const row = await tx.findOne(WriteBackPolicy, { pcn: pcnId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        const wasOn = row?.practiceToPracticeWriteBack ?? false;
        if (row) {
          row.practiceToPracticeWriteBack = enabled;
          row.updatedBy = this.ctx.actor.id;
        } else {
          tx.create(WriteBackPolicy, {
            pcn: tx.getReference(Organisation, pcnId),
            practiceToPracticeWriteBack: enabled,
            updatedBy: this.ctx.actor.id,
          });
        }
        // Switched on: practice-to-practice entries it blocked within the window go out now.
        if (enabled && !wasOn) {
          events.written(await this.backfill(tx, new Date(), { pcnId }, 'practice-to-practice write-back switched ON'));
        }
      },
      audit: () => ({ subjectId: pcnId, reason: enabled ? 'switched on' : 'switched off' }),
    });
  }
}

/** Demo data: ACTIVE hub -> practice agreements for every practice (both sides activated at seed). */
export async function seedWriteBackAgreements(
  em: Em,
  pcnId: string,
  hubId: string,
  practiceIds: readonly string[],
  at: Date,
): Promise<void> {
  await em.insertMany(
    WriteBackAgreement,
    practiceIds.map((practiceId) => ({
      id: uuidv7(),
      pcn: pcnId,
      source: hubId,
      target: practiceId,
      oneToOne: false,
      state: 'ACTIVE' as const,
      requestedBy: 'seed',
      sourceActivatedAt: at,
      sourceActivatedBy: 'seed',
      targetActivatedAt: at,
      targetActivatedBy: 'seed',
      activatedOnceAt: at,
      revokedAt: null,
      revokedBy: null,
      revision: 1,
      createdAt: at,
      updatedAt: at,
    })),
  );
}
