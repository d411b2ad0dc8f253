import { syntheticNhsNumber } from '@pcn-hub/schema';
import type { Em } from '../platform/db/orm.js';
import { uuidv7 } from '../platform/ids.js';
import { Organisation, StaffUser } from '../modules/organisations/index.js';
import { Patient, type Sex } from '../modules/patients/index.js';
import type { Role } from '../platform/auth/roles.js';
import type { DemoPcn } from '../platform/hub-module.js';
import { HUB_MODULES } from '../modules.js';

/** The demo PCN: made-up names and codes; NHS numbers from the 999 test range. */
export const DEMO = {
  pcn: { odsCode: 'U99001', name: 'Harbour and Downs PCN (demo)' },
  hub: { odsCode: 'Y99000', name: 'Harbour and Downs PCN Hub (demo)' },
  practices: [
    { odsCode: 'Y99011', name: 'Harbour Street Surgery' },
    { odsCode: 'Y99012', name: 'Downs Medical Centre' },
    { odsCode: 'Y99013', name: 'Cliff Road Practice' },
    { odsCode: 'Y99014', name: 'Marsh Lane Health Centre' },
    { odsCode: 'Y99015', name: 'Old Mill Surgery' },
    { odsCode: 'Y99016', name: 'Seaview Family Practice' },
    { odsCode: 'Y99017', name: 'Orchard Green Surgery' },
  ],
  patientCount: 500,
} as const;

interface DemoUser {
  readonly username: string;
  readonly displayName: string;
  readonly odsCode: string;
  readonly roles: readonly Role[];
}

/** A prescribing clinician of the demo hub (Y99000). */
const hubPrescriber = (username: string, displayName: string): DemoUser => ({
  username,
  displayName,
  odsCode: 'Y99000',
  roles: ['HUB_CLINICIAN', 'HUB_PRESCRIBER'],
});

/** About twenty staff across every role. Usernames are what `pnpm demo-token --user` takes. */
export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'hub.manager', displayName: 'Alex Manager', odsCode: 'Y99000', roles: ['HUB_MANAGER'] },
  hubPrescriber('hub.anp1', 'Sam Carter (ANP)'),
  hubPrescriber('hub.anp2', 'Jo Patel (ANP)'),
  hubPrescriber('hub.anp3', 'Chris Okafor (ANP)'),
  hubPrescriber('hub.pharmacist', 'Riley Shaw (Pharmacist)'),
  { username: 'hub.physio', displayName: 'Morgan Hale (Physio)', odsCode: 'Y99000', roles: ['HUB_CLINICIAN'] },
  { username: 'hub.coord1', displayName: 'Taylor Reed (Care Co-ordinator)', odsCode: 'Y99000', roles: ['HUB_ADMIN'] },
  { username: 'hub.coord2', displayName: 'Jamie Fox (Care Co-ordinator)', odsCode: 'Y99000', roles: ['HUB_ADMIN'] },
  { username: 'pcn.analyst', displayName: 'Robin Vale (Analyst)', odsCode: 'U99001', roles: ['PCN_ANALYST'] },
  { username: 'oc.supplier', displayName: 'Online consultation supplier', odsCode: 'Y99000', roles: ['INTEGRATION'] },
  ...DEMO.practices.flatMap((practice, i): DemoUser[] => [
    {
      username: `p${i + 1}.gp`,
      displayName: `GP at ${practice.name}`,
      odsCode: practice.odsCode,
      roles: ['PRACTICE_CLINICIAN'],
    },
    ...(i < 4
      ? [
          {
            username: `p${i + 1}.admin`,
            displayName: `Admin at ${practice.name}`,
            odsCode: practice.odsCode,
            roles: ['PRACTICE_ADMIN'] as Role[],
          },
        ]
      : []),
  ]),
];

const GIVEN = [
  'Ava',
  'Ben',
  'Cara',
  'Dev',
  'Ella',
  'Finn',
  'Gina',
  'Hugo',
  'Isla',
  'Jack',
  'Kira',
  'Leo',
  'Maya',
  'Noah',
  'Orla',
  'Pete',
  'Quin',
  'Rosa',
  'Seth',
  'Tara',
];
const FAMILY = [
  'Abbott',
  'Baker',
  'Cole',
  'Dunn',
  'Ellis',
  'Frost',
  'Grant',
  'Hayes',
  'Irwin',
  'Jones',
  'Keane',
  'Lowe',
  'Marsh',
  'Nash',
  'Owen',
  'Pryce',
  'Quinn',
  'Rowe',
  'Stone',
  'Tate',
  'Usher',
  'Vance',
  'Wells',
  'Yates',
];
const SEX_CYCLE: readonly Sex[] = ['FEMALE', 'MALE', 'FEMALE', 'MALE', 'OTHER', 'UNKNOWN'];

/** Deterministic demo patient number `i`. */
export function demoPatient(i: number) {
  const year = 1935 + ((i * 7) % 88);
  const month = 1 + ((i * 5) % 12);
  const day = 1 + ((i * 11) % 28);
  return {
    nhsNumber: syntheticNhsNumber(i),
    givenName: GIVEN[i % GIVEN.length]!,
    familyName: FAMILY[(i * 7) % FAMILY.length]!,
    dateOfBirth: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    sex: SEX_CYCLE[i % SEX_CYCLE.length]!,
    practiceIndex: i % DEMO.practices.length,
  };
}

/**
 * Seeds the demo PCN into an empty database; does nothing when organisations exist. The PCN's
 * organisations, staff and patients first, then each module's own share (its descriptor's `seed`),
 * in the composition root's order, all in one transaction.
 */
export async function seedDemo(em: Em): Promise<{ seeded: boolean }> {
  if ((await em.count(Organisation, {})) > 0) return { seeded: false };
  await em.transactional(async (tx) => {
    const now = new Date();
    const pcnId = uuidv7();
    const hubId = uuidv7();
    const practiceIds = DEMO.practices.map(() => uuidv7());
    const orgs = [
      {
        id: pcnId,
        kind: 'PCN' as const,
        odsCode: DEMO.pcn.odsCode,
        name: DEMO.pcn.name,
        pcn: null,
        active: true,
        createdAt: now,
      },
      {
        id: hubId,
        kind: 'HUB' as const,
        odsCode: DEMO.hub.odsCode,
        name: DEMO.hub.name,
        pcn: pcnId,
        active: true,
        createdAt: now,
      },
      ...DEMO.practices.map((p, i) => ({
        id: practiceIds[i]!,
        kind: 'PRACTICE' as const,
        odsCode: p.odsCode,
        name: p.name,
        pcn: pcnId,
        active: true,
        createdAt: now,
      })),
    ];
    await tx.insertMany(Organisation, orgs);
    const idByOds = new Map<string, string>(orgs.map((o) => [o.odsCode, o.id]));
    const staff = DEMO_USERS.map((u) => ({
      id: uuidv7(),
      username: u.username,
      displayName: u.displayName,
      organisation: idByOds.get(u.odsCode)!,
      roles: [...u.roles],
      active: true,
      createdAt: now,
    }));
    await tx.insertMany(StaffUser, staff);
    const patients = Array.from({ length: DEMO.patientCount }, (_, i) => {
      const p = demoPatient(i);
      return {
        id: uuidv7(),
        nhsNumber: p.nhsNumber,
        givenName: p.givenName,
        familyName: p.familyName,
        dateOfBirth: p.dateOfBirth,
        sex: p.sex,
        registeredPractice: practiceIds[p.practiceIndex]!,
        createdAt: now,
      };
    });
    await tx.insertMany(Patient, patients);
    // Each module's share: hub services, write-back agreements, the prescribing cost centre,
    // referral routes, appointment books and slots.
    const demo: DemoPcn = {
      now,
      pcn: { id: pcnId, odsCode: DEMO.pcn.odsCode },
      hub: { id: hubId, odsCode: DEMO.hub.odsCode },
      practices: DEMO.practices.map((p, i) => ({ id: practiceIds[i]!, odsCode: p.odsCode })),
      staff,
    };
    for (const hubModule of HUB_MODULES) await hubModule.seed?.(tx, demo);
  });
  return { seeded: true };
}
