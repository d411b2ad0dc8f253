import { p } from '@mikro-orm/core';
import type { Role } from '../../platform/auth/roles.js';
import { Organisation } from '../organisations/index.js';
import { createdAt, hubEntity } from '../../platform/db/properties.js';

/** What a hub service does (docs/domain/model.md#hub-services); the GraphQL enum mirrors these. */
export const HUB_SERVICE_KINDS = [
  'MINOR_ILLNESS',
  'ENHANCED_ACCESS',
  'FCP_PHYSIO',
  'MENTAL_HEALTH',
  'CARE_HOME',
  'PHARMACY',
  'SOCIAL_PRESCRIBING',
  'OTHER',
] as const;
export type HubServiceKind = (typeof HUB_SERVICE_KINDS)[number];

/**
 * The ways a practice can refer into a service (docs/domain/workflows.md#referral-methods); the
 * referrals module implements each.
 */
export const REFERRAL_METHODS = [
  'CROSS_ORGANISATION_BOOKING',
  'GP_CONNECT_BOOKING',
  'INBOX_SIGNPOST',
  'CROSS_ORGANISATION_TASK',
  'DOCUMENT_SEND',
] as const;
export type ReferralMethod = (typeof REFERRAL_METHODS)[number];

/** Days a service runs on, Monday first. */
export const DAYS_OF_WEEK = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export type DayOfWeek = (typeof DAYS_OF_WEEK)[number];

/** A service the hub runs; triage signposts consultations to its queue. */
const HubServiceSchema = hubEntity(
  'HubService',
  'hub_service',
  {
    hub: () => p.manyToOne(Organisation).ref().index(),
    kind: p.enum(HUB_SERVICE_KINDS),
    name: p.string().length(200),
    active: p.boolean().default(true),
    /** Who the service is for and who it is not for: free text shown to referrers. */
    inclusionCriteria: p.text().nullable(),
    exclusionCriteria: p.text().nullable(),
    daysOfOperation: p.array<DayOfWeek>().default([]),
    /** Platform roles a session holder needs to run the service's clinics. */
    requiredRoles: p.array<Role>().default([]),
    /** The referral methods the PCN decided this service accepts; empty = none. */
    referralMethods: p.array<ReferralMethod>().default([]),
    createdAt: createdAt(),
  },
  { uniques: [{ properties: ['hub', 'name'] }] },
);

export class HubService extends HubServiceSchema.class {}
HubServiceSchema.setClass(HubService);
