import { p } from '@mikro-orm/core';
import { Organisation } from '../organisations/index.js';
import { AGREEMENT_STATES } from './write-back.codes.js';
import { createdAt, hubEntity, updatedAt } from '../../platform/db/properties.js';

/**
 * A technical sharing agreement letting `source` write consultation entries back into `target`'s
 * record. EMIS requires both sides to activate (docs/domain/workflows.md#emis-write-back-mechanics), so `state`
 * is ACTIVE only while
 * both activation stamps are set; a suspension clears the suspending side's stamp.
 */
const WriteBackAgreementSchema = hubEntity(
  'WriteBackAgreement',
  'write_back_agreement',
  {
    pcn: () => p.manyToOne(Organisation).ref().index(),
    source: () => p.manyToOne(Organisation).ref().index(),
    target: () => p.manyToOne(Organisation).ref().index(),
    /** A pairwise practice-to-practice agreement that applies while the PCN-wide switch is off. */
    oneToOne: p.boolean().default(false),
    state: p.enum(AGREEMENT_STATES),
    requestedBy: p.string().length(100),
    sourceActivatedAt: p.datetime().nullable(),
    sourceActivatedBy: p.string().length(100).nullable(),
    targetActivatedAt: p.datetime().nullable(),
    targetActivatedBy: p.string().length(100).nullable(),
    /** Set once the agreement has first become ACTIVE: later it can only be SUSPENDED, not REQUESTED. */
    activatedOnceAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
    revokedBy: p.string().length(100).nullable(),
    revision: p.integer().version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  {
    // At most one live (not revoked) agreement per direction of a pair.
    indexes: [
      {
        name: 'write_back_agreement_live_pair_index',
        expression: `create unique index "write_back_agreement_live_pair_index" on "write_back_agreement" ("source_id", "target_id") where "state" <> 'REVOKED'`,
      },
    ],
  },
);

export class WriteBackAgreement extends WriteBackAgreementSchema.class {}
WriteBackAgreementSchema.setClass(WriteBackAgreement);

/** The PCN-wide write-back switches; a PCN without a row has the defaults (all off). */
const WriteBackPolicySchema = hubEntity('WriteBackPolicy', 'write_back_policy', {
  pcn: () => p.manyToOne(Organisation).ref().unique(),
  practiceToPracticeWriteBack: p.boolean().default(false),
  updatedBy: p.string().length(100),
  updatedAt: updatedAt(),
});

export class WriteBackPolicy extends WriteBackPolicySchema.class {}
WriteBackPolicySchema.setClass(WriteBackPolicy);
