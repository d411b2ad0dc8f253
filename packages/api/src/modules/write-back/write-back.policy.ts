import type { Actor } from '../../platform/auth/actor.js';
import type { AgreementSide, AgreementState, WriteBackDecision } from './write-back.codes.js';
import { ROLES } from '../../platform/auth/roles.js';

/** An organisation as the decision needs it. */
export interface OrgFacts {
  readonly id: string;
  readonly kind: 'PCN' | 'HUB' | 'PRACTICE';
  readonly odsCode: string;
  readonly active: boolean;
}

/** An organisation's facts for the decision, with its name (which explanations and payloads show). */
export const orgFactsOf = (org: OrgFacts & { readonly name: string }): OrgFacts & { name: string } => ({
  id: org.id,
  kind: org.kind,
  odsCode: org.odsCode,
  active: org.active,
  name: org.name,
});

/** The agreement found for a source -> target pair (the live one, else the latest revoked one). */
export interface AgreementFacts {
  readonly id: string;
  readonly state: AgreementState;
  readonly oneToOne: boolean;
}

/** Everything the decision reads, loaded once per save (or per explanation). */
export interface WriteBackFacts {
  readonly source: OrgFacts;
  /** The patient's registered practice. */
  readonly target: OrgFacts;
  readonly clinicallyRelevant: boolean;
  readonly sourceProduct: string;
  readonly practiceToPracticeWriteBack: boolean;
  readonly agreement: AgreementFacts | null;
}

export type WriteBackDirection = 'SAME_ORGANISATION' | 'HUB_TO_PRACTICE' | 'PRACTICE_TO_PRACTICE' | 'UNSUPPORTED';

/** The decision for one entry, with every reason that led to it, in words (ids and codes only). */
export interface WriteBackVerdict {
  readonly decision: WriteBackDecision;
  readonly direction: WriteBackDirection;
  /** The agreement that lets it through, when one does. */
  readonly agreementId: string | null;
  readonly reasons: readonly string[];
}

function directionOf(facts: WriteBackFacts): WriteBackDirection {
  if (facts.source.id === facts.target.id) return 'SAME_ORGANISATION';
  if (facts.target.kind !== 'PRACTICE') return 'UNSUPPORTED';
  if (facts.source.kind === 'HUB') return 'HUB_TO_PRACTICE';
  if (facts.source.kind === 'PRACTICE') return 'PRACTICE_TO_PRACTICE';
  return 'UNSUPPORTED';
}

function describeAgreement(agreement: AgreementFacts | null): string {
  if (!agreement) return 'no write-back agreement exists for this pair';
  return `agreement ${agreement.id} is ${agreement.state}${agreement.oneToOne ? ' (one-to-one)' : ''}`;
}

/**
 * Decides whether one entry is written back to the patient's registered practice
 * (docs/domain/workflows.md#write-back-decisions, docs/domain/model.md#agreements): admin
 * content is never sent; nothing is sent to the authoring organisation itself;
 * hub -> practice needs an ACTIVE agreement; practice -> practice needs the PCN switch on and an
 * ACTIVE agreement, or, with the switch off, an ACTIVE one-to-one agreement. The source product
 * (native or a plugin) does not change the path; it is stated in the reasons.
 */
export function decideWriteBack(facts: WriteBackFacts, entry: { readonly adminOnly: boolean }): WriteBackVerdict {
  const direction = directionOf(facts);
  const product =
    facts.sourceProduct === 'NATIVE'
      ? 'source product NATIVE'
      : `source product ${facts.sourceProduct} (third-party plugin: same rules as native entries)`;
  const registration =
    direction === 'SAME_ORGANISATION'
      ? `patient is registered at the authoring organisation ${facts.source.odsCode}`
      : `patient is registered at ${facts.target.odsCode}; authored at ${facts.source.odsCode}`;
  const verdict = (
    decision: WriteBackDecision,
    why: string[],
    agreementId: string | null = null,
  ): WriteBackVerdict => ({
    decision,
    direction,
    agreementId,
    reasons: [...why, registration, product],
  });

  if (!facts.clinicallyRelevant)
    return verdict('NOT_REQUIRED', ['admin-only consultation: administration items are not written back']);
  if (entry.adminOnly) return verdict('NOT_REQUIRED', ['admin-only note: administration items are not written back']);
  if (direction === 'SAME_ORGANISATION')
    return verdict('NOT_REQUIRED', ['the entry is already in the registered practice record']);
  if (!facts.target.active)
    return verdict('BLOCKED', [`registered practice ${facts.target.odsCode} is not an active member`]);

  const agreement = facts.agreement;
  const active = agreement?.state === 'ACTIVE';
  switch (direction) {
    case 'HUB_TO_PRACTICE':
      return active
        ? verdict('WRITE_BACK', [`hub-to-practice ${describeAgreement(agreement)}`], agreement.id)
        : verdict('BLOCKED', [`no ACTIVE hub-to-practice agreement: ${describeAgreement(agreement)}`]);
    case 'PRACTICE_TO_PRACTICE': {
      if (facts.practiceToPracticeWriteBack) {
        const switchOn = 'practice-to-practice write-back is switched ON for the PCN';
        return active
          ? verdict('WRITE_BACK', [switchOn, describeAgreement(agreement)], agreement.id)
          : verdict('BLOCKED', [switchOn, `no ACTIVE agreement: ${describeAgreement(agreement)}`]);
      }
      const switchOff = 'practice-to-practice write-back is switched OFF for the PCN';
      if (active && agreement.oneToOne) {
        return verdict(
          'WRITE_BACK',
          [switchOff, `one-to-one ${describeAgreement(agreement)} lets this pair through`],
          agreement.id,
        );
      }
      return verdict('BLOCKED', [
        switchOff,
        active
          ? `${describeAgreement(agreement)} but is not one-to-one`
          : `no ACTIVE one-to-one agreement: ${describeAgreement(agreement)}`,
      ]);
    }
    case 'UNSUPPORTED':
      return verdict('BLOCKED', [`write-back from a ${facts.source.kind} to a ${facts.target.kind} is not supported`]);
    default: {
      const never: never = direction;
      throw new Error(`unknown direction ${String(never)}`);
    }
  }
}

/** Roles that manage agreements at all (each only for its own side, except hub managers' PCN view). */
export const AGREEMENT_MANAGERS = ROLES.administrators;

/**
 * The sides of an agreement the actor may activate: the source side by the source's hub manager
 * (hub source) or practice admin (practice source); the target side by the target's practice admin.
 */
export function sidesActorSpeaksFor(actor: Actor, agreement: { sourceId: string; targetId: string }): AgreementSide[] {
  const sides: AgreementSide[] = [];
  const admin = actor.roles.has('HUB_MANAGER') || actor.roles.has('PRACTICE_ADMIN');
  if (admin && actor.organisationId === agreement.sourceId) sides.push('SOURCE');
  if (actor.roles.has('PRACTICE_ADMIN') && actor.organisationId === agreement.targetId) sides.push('TARGET');
  return sides;
}

/** Who may see an agreement: hub managers of the PCN, and the two sides' own staff. */
export function canSeeAgreement(
  actor: Actor,
  agreement: { pcnId: string; sourceId: string; targetId: string },
): boolean {
  if (agreement.pcnId !== actor.pcnId) return false;
  if (actor.organisationKind === 'HUB' || actor.organisationKind === 'PCN') return true;
  return actor.organisationId === agreement.sourceId || actor.organisationId === agreement.targetId;
}

/** Suspending or revoking: either side's admin, or a hub manager of the PCN. */
export function canStopAgreement(
  actor: Actor,
  agreement: { pcnId: string; sourceId: string; targetId: string },
): boolean {
  if (agreement.pcnId !== actor.pcnId) return false;
  if (actor.roles.has('HUB_MANAGER')) return true;
  return sidesActorSpeaksFor(actor, agreement).length > 0;
}
