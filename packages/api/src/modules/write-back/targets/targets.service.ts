import { normaliseOdsCode } from '@pcn-hub/schema';
import { LockMode } from '@mikro-orm/core';
import type { AuthenticatedContext } from '../../../platform/context.js';
import { Errors } from '../../../platform/errors.js';
import { Organisation } from '../../organisations/index.js';
import type { TargetKind } from '../write-back.codes.js';
import { WriteBackErrors } from '../write-back.errors.js';
import { isSigningSecret, newSigningSecret } from './targets.worker.js';
import { PracticeRecordEntry, WriteBackTargetSetting } from '../write-back-target.entity.js';

/** A practice's target as the API shows it (never the secret). */
export interface TargetView {
  readonly practice: Organisation;
  readonly kind: TargetKind;
  readonly endpointUrl: string | null;
  readonly hasSigningSecret: boolean;
  readonly updatedAt: Date | null;
}

/** Which target each practice uses, and the in-hub practice record. */
export class WriteBackTargetService {
  constructor(private readonly ctx: AuthenticatedContext) {}

  private async practice(odsCode: string): Promise<Organisation> {
    const org = await this.ctx.em.findOne(Organisation, { odsCode: normaliseOdsCode(odsCode), kind: 'PRACTICE' });
    const actor = this.ctx.actor;
    const visible =
      org && org.pcn?.id === actor.pcnId && (actor.organisationKind !== 'PRACTICE' || org.id === actor.organisationId);
    if (!org || !visible) throw WriteBackErrors.practiceNotFound('practiceOdsCode');
    return org;
  }

  async get(odsCode: string): Promise<TargetView> {
    const practice = await this.practice(odsCode);
    const row = await this.ctx.em.findOne(WriteBackTargetSetting, { practice: practice.id });
    return {
      practice,
      kind: row?.kind ?? 'IN_HUB',
      endpointUrl: row?.endpointUrl ?? null,
      hasSigningSecret: Boolean(row?.signingSecret),
      updatedAt: row?.updatedAt ?? null,
    };
  }

  /** Sets a practice's target; an HTTP target without a given secret gets a new one, returned once. */
  async configure(input: {
    practiceOdsCode: string;
    kind: TargetKind;
    endpointUrl?: string | null;
    signingSecret?: string | null;
  }): Promise<{ view: TargetView; issuedSecret: string | null }> {
    const actor = this.ctx.actor;
    const practice = await this.practice(input.practiceOdsCode).catch(() => {
      throw WriteBackErrors.practiceNotFound('input.practiceOdsCode');
    });
    if (!actor.roles.has('HUB_MANAGER') && practice.id !== actor.organisationId) throw Errors.forbidden();
    let endpointUrl: string | null = null;
    let secret: string | null = null;
    let issuedSecret: string | null = null;
    if (input.kind === 'HTTP') {
      if (!input.endpointUrl) throw WriteBackErrors.endpointNeeded();
      try {
        const url = new URL(input.endpointUrl);
        if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
        endpointUrl = url.toString();
      } catch {
        throw WriteBackErrors.badEndpoint();
      }
      if (input.signingSecret) {
        if (!isSigningSecret(input.signingSecret)) throw WriteBackErrors.badSecret();
        secret = input.signingSecret;
      } else {
        secret = issuedSecret = newSigningSecret();
      }
    }
    await this.ctx.em.transactional(async (em) => {
      const row = await em.findOne(
        WriteBackTargetSetting,
        { practice: practice.id },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (row) {
        row.kind = input.kind;
        row.endpointUrl = endpointUrl;
        row.signingSecret = secret;
        row.updatedBy = actor.id;
      } else {
        em.create(WriteBackTargetSetting, {
          practice: em.getReference(Organisation, practice.id),
          kind: input.kind,
          endpointUrl,
          signingSecret: secret,
          updatedBy: actor.id,
        });
      }
      this.ctx.audit.record(em, {
        action: 'configureWriteBackTarget',
        subjectType: 'Organisation',
        subjectId: practice.id,
        reason: `target ${input.kind}`,
      });
    });
    return { view: await this.get(practice.odsCode), issuedSecret };
  }

  /**
   * The in-hub record of one patient at the viewer's practice: entries written back to it, newest
   * first; archived versions (replaced or removed) only when asked. Other viewers see none.
   */
  async practiceRecord(patientId: string, includeArchived: boolean): Promise<PracticeRecordEntry[]> {
    const actor = this.ctx.actor;
    if (actor.organisationKind !== 'PRACTICE') return [];
    const rows = await this.ctx.em.find(
      PracticeRecordEntry,
      { practiceId: actor.organisationId, patientId },
      { orderBy: { receivedAt: 'desc', id: 'desc' } },
    );
    await this.ctx.audit.recordNow(this.ctx.em, [
      { action: 'readWrittenBackEntries', subjectType: 'Patient', subjectId: patientId, patientId },
    ]);
    return includeArchived ? rows : rows.filter((row) => !row.supersededByMessageId && row.kind === 'ENTRY');
  }
}
