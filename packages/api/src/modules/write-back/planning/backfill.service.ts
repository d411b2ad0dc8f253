import type { AuditLog } from '../../../platform/audit/audit.log.js';
import type { Em } from '../../../platform/db/orm.js';
import type { StreamHint } from '../../../platform/events/index.js';
import { Organisation } from '../../organisations/index.js';
import { WriteBackRecord } from '../write-back-record.entity.js';
import {
  loadWriteBackFacts,
  planWriteBack,
  readBlockedPlan,
  type ReplanCause,
  type SavedConsultationFacts,
  type SavedEntry,
} from './planner.service.js';
import { decideWriteBack, orgFactsOf, type WriteBackFacts } from '../write-back.policy.js';
import { lockLines } from '../delivery/lines.worker.js';

/** Why a blocked entry was not planned again. */
export type ReplanRefusal = 'NOT_FOUND' | 'NOT_BLOCKED' | 'NOTHING_KEPT' | 'STILL_BLOCKED';

export interface ReplanOutcome {
  readonly hints: StreamHint[];
  /** Entry ids planned again. */
  readonly replanned: string[];
  /** Entry id -> why not, with the decision's reasons when it is still blocked. */
  readonly refused: Map<string, { readonly code: ReplanRefusal; readonly reasons: readonly string[] }>;
}

/** Which blocked entries an activation (or the switch) may let through: its PCN, pair and look-back window. */
export interface BackfillScope {
  readonly pcnId: string;
  readonly since: Date;
  readonly sourceOrgId?: string;
  readonly targetOrgId?: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The start of the look-back window of `days` days before `now` (null: backfill is off). */
export function backfillSince(now: Date, days: number): Date | null {
  return days > 0 ? new Date(now.getTime() - days * DAY_MS) : null;
}

/**
 * Inside the caller's transaction (the activation or the switch): the entries of `scope` that a
 * save BLOCKED within the window and that the decision now lets through are planned again and
 * delivered through the outbox like any save. Entries still blocked for another reason stay so.
 */
export async function backfillBlocked(
  em: Em,
  audit: AuditLog,
  scope: BackfillScope,
  cause: ReplanCause,
): Promise<ReplanOutcome> {
  const records = await em.find(
    WriteBackRecord,
    {
      pcnId: scope.pcnId,
      decision: 'BLOCKED',
      blockedAt: { $gte: scope.since },
      ...(scope.sourceOrgId ? { sourceOrgId: scope.sourceOrgId } : {}),
      ...(scope.targetOrgId ? { targetOrgId: scope.targetOrgId } : {}),
    },
    { orderBy: { id: 'asc' } },
  );
  return replanRecords(em, audit, records, cause);
}

interface Eligible {
  readonly record: WriteBackRecord;
  readonly facts: SavedConsultationFacts;
  readonly entry: SavedEntry;
}

/**
 * Plans BLOCKED records again with today's agreements and switch (the caller has locked what
 * decides them: the agreement row or the policy row). Each entry planned again is audited.
 */
export async function replanRecords(
  em: Em,
  audit: AuditLog,
  found: readonly WriteBackRecord[],
  cause: ReplanCause,
): Promise<ReplanOutcome> {
  const refused: ReplanOutcome['refused'] = new Map();
  if (found.length === 0) return { hints: [], replanned: [], refused };
  // Every patient line first, in sorted order (saves and workers take a line before its rows), then
  // the records again as they are now: a save that changed one meanwhile has committed.
  await lockLines(
    em,
    found.map((r) => `${r.targetOrgId}:${r.patientId}`),
  );
  const records = await em.find(
    WriteBackRecord,
    { id: { $in: found.map((r) => r.id) } },
    { orderBy: { id: 'asc' }, refresh: true },
  );
  const orgIds = [...new Set(records.flatMap((r) => [r.sourceOrgId, r.targetOrgId]))];
  const orgs = new Map(
    orgIds.length > 0 ? (await em.find(Organisation, { id: { $in: orgIds } })).map((o) => [o.id, orgFactsOf(o)]) : [],
  );
  const pairFacts = new Map<string, Promise<WriteBackFacts>>();
  const eligible: Eligible[] = [];
  for (const record of records) {
    if (record.decision !== 'BLOCKED') {
      refused.set(record.entryId, { code: 'NOT_BLOCKED', reasons: [`the last decision was ${record.decision}`] });
      continue;
    }
    const plan = readBlockedPlan(record);
    const source = orgs.get(record.sourceOrgId);
    const target = orgs.get(record.targetOrgId);
    if (!plan || !source || !target) {
      refused.set(record.entryId, {
        code: 'NOTHING_KEPT',
        reasons: ['the save that blocked it kept nothing to send (blocked before re-planning existed)'],
      });
      continue;
    }
    const key = `${source.id}:${target.id}`;
    if (!pairFacts.has(key)) {
      pairFacts.set(
        key,
        loadWriteBackFacts(em, {
          pcnId: record.pcnId,
          source,
          target,
          clinicallyRelevant: true,
          sourceProduct: 'NATIVE',
        }),
      );
    }
    const pair = await pairFacts.get(key)!;
    const facts = { ...plan.facts, source, target };
    const verdict = decideWriteBack(
      { ...pair, clinicallyRelevant: facts.clinicallyRelevant, sourceProduct: facts.sourceProduct },
      plan.entry,
    );
    if (verdict.decision !== 'WRITE_BACK') {
      refused.set(record.entryId, { code: 'STILL_BLOCKED', reasons: verdict.reasons });
      continue;
    }
    eligible.push({ record, facts, entry: plan.entry });
  }
  if (eligible.length === 0) return { hints: [], replanned: [], refused };

  const lineOf = (e: Eligible) => `${e.facts.target.id}:${e.facts.patientId}`;
  const groups = new Map<string, Eligible[]>();
  for (const e of [...eligible].sort((a, b) => (lineOf(a) < lineOf(b) ? -1 : lineOf(a) > lineOf(b) ? 1 : 0))) {
    const key = `${lineOf(e)}:${e.facts.consultationId}:${e.facts.consultationVersion}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const latest = new Map<string, number>();
  for (const group of groups.values()) {
    const first = group[0]!;
    const hints = await planWriteBack(
      em,
      first.facts,
      group.map((e) => e.entry),
      cause.by,
      cause,
    );
    for (const hint of hints) latest.set(hint.stream, Math.max(hint.seq, latest.get(hint.stream) ?? 0));
  }
  for (const e of eligible) {
    audit.record(em, {
      action: 'replanWriteBack',
      subjectType: 'HubConsultationEntry',
      subjectId: e.record.entryId,
      patientId: e.record.patientId,
      reason: `blocked at save ${e.facts.savedAt.toISOString()}; ${cause.reason}`,
    });
  }
  return {
    hints: [...latest].map(([stream, seq]) => ({ stream, seq })),
    replanned: eligible.map((e) => e.record.entryId),
    refused,
  };
}
