/**
 * Controlled-drug schedules of dm+d concepts (Misuse of Drugs Regulations 2001).
 *
 * EPS cannot carry Schedule 1 controlled drugs (docs/domain/workflows.md#eps-concepts), so the hub
 * refuses them at raise.
 *
 * THE CODES BELOW ARE SYNTHETIC. They are dm+d-shaped (UK drug extension namespace 1000001,
 * partition 10, valid Verhoeff check digit; item ids 99901xx-99905xx that dm+d does not use) so
 * tests and the demo can exercise every schedule without shipping a licensed extract. Production
 * loads the real list from the dm+d terminology plugin (the VMP "controlled drug category" of the
 * weekly dm+d release); that plugin is not part of this repository yet.
 */

export const CD_SCHEDULES = ['SCHEDULE_1', 'SCHEDULE_2', 'SCHEDULE_3', 'SCHEDULE_4', 'SCHEDULE_5'] as const;
export type CdSchedule = (typeof CD_SCHEDULES)[number];

export interface ControlledDrug {
  readonly dmdCode: string;
  readonly schedule: CdSchedule;
  /** A made-up label; never shown as a real medicine name. */
  readonly label: string;
}

/** SYNTHETIC reference list (see the file comment). */
export const CONTROLLED_DRUG_LIST: readonly ControlledDrug[] = [
  { dmdCode: '99901011000001103', schedule: 'SCHEDULE_1', label: 'SYNTHETIC Schedule 1 test substance A' },
  { dmdCode: '99901021000001107', schedule: 'SCHEDULE_1', label: 'SYNTHETIC Schedule 1 test substance B' },
  { dmdCode: '99902011000001106', schedule: 'SCHEDULE_2', label: 'SYNTHETIC Schedule 2 test medicine' },
  { dmdCode: '99903011000001102', schedule: 'SCHEDULE_3', label: 'SYNTHETIC Schedule 3 test medicine' },
  { dmdCode: '99904011000001100', schedule: 'SCHEDULE_4', label: 'SYNTHETIC Schedule 4 test medicine' },
  { dmdCode: '99905011000001101', schedule: 'SCHEDULE_5', label: 'SYNTHETIC Schedule 5 test medicine' },
];

const BY_CODE = new Map(CONTROLLED_DRUG_LIST.map((cd) => [cd.dmdCode, cd.schedule]));

/** The CD schedule of a dm+d code, or null when it is not a controlled drug (per the list). */
export function controlledDrugSchedule(dmdCode: string): CdSchedule | null {
  return BY_CODE.get(dmdCode) ?? null;
}

/** True when EPS (and so the hub) may not prescribe it. */
export function isScheduleOne(dmdCode: string): boolean {
  return controlledDrugSchedule(dmdCode) === 'SCHEDULE_1';
}
