import { syntheticNhsNumber } from '@pcn-hub/schema';
import type { Em } from '../../platform/db/orm.js';
import type { DemoPcn } from '../../platform/hub-module.js';
import { uuidv7 } from '../../platform/ids.js';
import { HubService, type DayOfWeek, type HubServiceKind, type ReferralMethod } from '../hub-services/index.js';
import { Patient } from '../patients/index.js';
import type { Role } from '../../platform/auth/roles.js';
import { HubRegistration } from './hub-registration.entity.js';
import { HubTeam, OrganisationGroupMember, ReferralAgreement } from './referral-setup.entity.js';
import { AGREEMENT_TYPES } from './referrals.codes.js';

const WEEKDAYS: DayOfWeek[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'];

interface ServiceSetup {
  readonly methods: readonly ReferralMethod[];
  readonly inclusion: string;
  readonly exclusion: string | null;
  readonly days: readonly DayOfWeek[];
  readonly roles: readonly Role[];
}

/** What the demo PCN decided per service, and which practices lack set-up (so refusals can be shown). */
export const DEMO_REFERRALS = {
  /** No ACTIVE CROSS_ORG_APPOINTMENTS / CROSS_ORG_TASKS agreement with the hub. */
  practiceWithoutAgreements: 'Y99017',
  /** Not in the hub's organisation group (GP Connect booking refused). */
  practiceOutsideOrganisationGroup: 'Y99016',
  /** Demo patients 0..n-1 are already traced into the hub; the others are unknown to it. */
  knownPatients: 70,
  services: {
    MINOR_ILLNESS: {
      methods: ['CROSS_ORGANISATION_BOOKING', 'GP_CONNECT_BOOKING', 'INBOX_SIGNPOST'],
      inclusion: 'Adults and children over 1 year with a minor illness suitable for an ANP.',
      exclusion: 'Chest pain, pregnancy complications, under 1 year.',
      days: WEEKDAYS,
      roles: ['HUB_PRESCRIBER'],
    },
    ENHANCED_ACCESS: {
      methods: ['CROSS_ORGANISATION_BOOKING', 'GP_CONNECT_BOOKING'],
      inclusion: 'Routine appointments for any registered patient of the PCN.',
      exclusion: null,
      days: [...WEEKDAYS, 'SATURDAY'],
      roles: ['HUB_CLINICIAN'],
    },
    FCP_PHYSIO: {
      methods: ['CROSS_ORGANISATION_BOOKING', 'CROSS_ORGANISATION_TASK', 'DOCUMENT_SEND'],
      inclusion: 'Adults with musculoskeletal problems.',
      exclusion: 'Suspected cauda equina, fractures, under 16.',
      days: ['TUESDAY', 'THURSDAY'],
      roles: ['HUB_CLINICIAN'],
    },
    PHARMACY: {
      methods: ['CROSS_ORGANISATION_TASK', 'INBOX_SIGNPOST'],
      inclusion: 'Medication reviews and queries.',
      exclusion: null,
      days: WEEKDAYS,
      roles: ['HUB_PRESCRIBER'],
    },
  } as Partial<Record<HubServiceKind, ServiceSetup>>,
  teams: [
    { name: 'Care Co-ordinators', acceptsCrossOrgTasks: true },
    { name: 'Clinical Pharmacists', acceptsCrossOrgTasks: true },
    { name: 'Physiotherapy', acceptsCrossOrgTasks: true },
    { name: 'Hub Management', acceptsCrossOrgTasks: false },
  ],
} as const;

/**
 * Seeds referral routes for the demo hub: accepted methods and details per service, agreements and
 * organisation-group membership (all but one practice each), teams, patients already known to the
 * hub (the appointments module seeds the books and slots).
 */
export async function seedDemoReferrals(em: Em, demo: DemoPcn): Promise<void> {
  const { practices, now } = demo;
  const hubId = demo.hub.id;
  for (const service of await em.find(HubService, { hub: hubId })) {
    const setup = DEMO_REFERRALS.services[service.kind];
    if (!setup) continue;
    service.referralMethods = [...setup.methods];
    service.inclusionCriteria = setup.inclusion;
    service.exclusionCriteria = setup.exclusion;
    service.daysOfOperation = [...setup.days];
    service.requiredRoles = [...setup.roles];
  }
  await em.flush();
  await em.insertMany(
    ReferralAgreement,
    practices
      .filter((p) => p.odsCode !== DEMO_REFERRALS.practiceWithoutAgreements)
      .flatMap((p) =>
        AGREEMENT_TYPES.map((type) => ({
          id: uuidv7(),
          hub: hubId,
          practice: p.id,
          type,
          state: 'ACTIVE' as const,
          updatedBy: 'seed',
          updatedAt: now,
        })),
      ),
  );
  await em.insertMany(
    OrganisationGroupMember,
    practices
      .filter((p) => p.odsCode !== DEMO_REFERRALS.practiceOutsideOrganisationGroup)
      .map((p) => ({ id: uuidv7(), hub: hubId, member: p.id, addedBy: 'seed', addedAt: now })),
  );
  await em.insertMany(
    HubTeam,
    DEMO_REFERRALS.teams.map((t) => ({ id: uuidv7(), hub: hubId, ...t, createdAt: now })),
  );
  const known = await em.find(
    Patient,
    { nhsNumber: { $in: Array.from({ length: DEMO_REFERRALS.knownPatients }, (_, i) => syntheticNhsNumber(i)) } },
    { fields: ['id'] },
  );
  if (known.length > 0) {
    await em.insertMany(
      HubRegistration,
      known.map((p) => ({
        id: uuidv7(),
        hub: hubId,
        patient: p.id,
        type: 'TRACED' as const,
        updatedBy: 'seed',
        createdAt: now,
        updatedAt: now,
      })),
    );
  }
}
