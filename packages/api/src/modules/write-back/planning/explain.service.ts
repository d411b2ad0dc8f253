import type { Em } from '../../../platform/db/orm.js';
import { toGlobalId } from '../../../platform/graphql/relay.js';
import { writeBackStatusByEntry } from '../delivery/deliveries.service.js';
import { ENTRY_NODE } from '../write-back.mappers.js';
import { loadWriteBackFacts } from './planner.service.js';
import { decideWriteBack, type OrgFacts } from '../write-back.policy.js';
import type { WriteBackExplanationType } from '../write-back.types.js';

/** What explaining one entry needs from the consultations module. */
export interface ExplainInput {
  readonly pcnId: string;
  readonly entryId: string;
  readonly adminOnly: boolean;
  readonly removed: boolean;
  readonly source: OrgFacts;
  readonly target: OrgFacts;
  readonly clinicallyRelevant: boolean;
  readonly sourceProduct: string;
}

/**
 * Whether an entry will be written back now and why, from the same decision the save uses, with
 * the state recorded by the last save (if any): so a practice manager can see why an entry did not
 * arrive.
 */
export async function explainWriteBack(em: Em, input: ExplainInput): Promise<WriteBackExplanationType> {
  const facts = await loadWriteBackFacts(em, input);
  const verdict = decideWriteBack(facts, { adminOnly: input.adminOnly });
  const status = (await writeBackStatusByEntry(em, [input.entryId])).get(input.entryId) ?? null;
  const reasons = [...verdict.reasons];
  if (input.removed) reasons.unshift('the entry has been removed from the consultation');
  const record = status?.record ?? null;
  if (record && record.decision !== verdict.decision) {
    reasons.push(`the last save decided ${record.decision}: ${record.reason}`);
    if (record.decision === 'BLOCKED' && verdict.decision === 'WRITE_BACK') {
      reasons.push(
        'blocked at save and not re-planned since (blocked before the WRITE_BACK_BACKFILL_DAYS window, or before blocked entries were kept): a hub manager can send it with resendBlockedWriteBack, or the consultation can be saved again',
      );
    }
  }
  if (record?.blockedAt) reasons.push(`blocked at save ${record.blockedAt.toISOString()}`);
  if (record?.replannedAt) {
    reasons.push(
      `re-planned ${record.replannedAt.toISOString()} by ${record.replannedBy ?? 'unknown'}: ${record.replanReason ?? ''}`,
    );
  }
  return {
    sourceId: input.source.id,
    targetId: input.target.id,
    agreementDbId: facts.agreement?.id ?? null,
    entryId: toGlobalId(ENTRY_NODE, input.entryId),
    willWriteBack: verdict.decision === 'WRITE_BACK' && !input.removed,
    decision: verdict.decision,
    state: status?.state ?? null,
    direction: verdict.direction,
    reasons,
    agreementFound: facts.agreement !== null,
    agreementState: facts.agreement?.state ?? null,
    practiceToPracticeWriteBack: facts.practiceToPracticeWriteBack,
    patientRegisteredAtAuthoringOrganisation: input.source.id === input.target.id,
    clinicallyRelevant: input.clinicallyRelevant,
    sourceProduct: input.sourceProduct,
    blockedAt: record?.blockedAt ?? null,
    replannedAt: record?.replannedAt ?? null,
    replannedBy: record?.replannedBy ?? null,
    replanReason: record?.replanReason ?? null,
  };
}
