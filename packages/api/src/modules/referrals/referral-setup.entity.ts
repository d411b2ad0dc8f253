import { p } from '@mikro-orm/core';
import { Organisation } from '../organisations/index.js';
import { AGREEMENT_STATES, AGREEMENT_TYPES } from './referrals.codes.js';
import { createdAt, hubEntity, updatedAt } from '../../platform/db/properties.js';

/**
 * A technical agreement between a practice and the hub that a referral method needs, e.g.
 * CROSS_ORG_APPOINTMENTS for cross-organisation booking (docs/domain/workflows.md#cross-organisation-booking,
 * docs/domain/model.md#agreements). One row per
 * pair and type; only ACTIVE counts.
 */
const ReferralAgreementSchema = hubEntity(
  'ReferralAgreement',
  'referral_agreement',
  {
    hub: () => p.manyToOne(Organisation).ref(),
    practice: () => p.manyToOne(Organisation).ref().index(),
    type: p.enum(AGREEMENT_TYPES),
    state: p.enum(AGREEMENT_STATES),
    updatedBy: p.string().length(100),
    updatedAt: updatedAt(),
  },
  { uniques: [{ properties: ['hub', 'practice', 'type'] }] },
);

export class ReferralAgreement extends ReferralAgreementSchema.class {}
ReferralAgreementSchema.setClass(ReferralAgreement);

/**
 * A member of a hub's organisation group (GP Connect booking needs the practice in it:
 * docs/domain/workflows.md#gp-connect-booking).
 */
const OrganisationGroupMemberSchema = hubEntity(
  'OrganisationGroupMember',
  'organisation_group_member',
  {
    hub: () => p.manyToOne(Organisation).ref(),
    member: () => p.manyToOne(Organisation).ref().index(),
    addedBy: p.string().length(100),
    addedAt: createdAt(),
  },
  { uniques: [{ properties: ['hub', 'member'] }] },
);

export class OrganisationGroupMember extends OrganisationGroupMemberSchema.class {}
OrganisationGroupMemberSchema.setClass(OrganisationGroupMember);

/**
 * A hub team that cross-organisation tasks can be sent to, when it accepts them
 * (docs/domain/workflows.md#other-referral-routes).
 */
const HubTeamSchema = hubEntity(
  'HubTeam',
  'hub_team',
  {
    hub: () => p.manyToOne(Organisation).ref(),
    name: p.string().length(200),
    acceptsCrossOrgTasks: p.boolean().default(false),
    createdAt: createdAt(),
  },
  { uniques: [{ properties: ['hub', 'name'] }] },
);

export class HubTeam extends HubTeamSchema.class {}
HubTeamSchema.setClass(HubTeam);
