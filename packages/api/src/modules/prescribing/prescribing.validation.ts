import { isValidDmdCode, isValidOdsCode, normaliseOdsCode } from '@pcn-hub/schema';
import { controlledDrugSchedule, type CdSchedule } from './controlled-drugs.codes.js';
import { MAX_ITEMS } from './prescribing.codes.js';
import { PrescribingErrors } from './prescribing.errors.js';

/** One item as a client sends it. */
export interface PrescriptionItemInput {
  readonly dmdCode: string;
  readonly medicineName?: string | null;
  readonly quantity: number;
  readonly unit: string;
  readonly dosageText: string;
}

/** One item after validation, ready to store. */
export interface ValidItem {
  readonly lineNo: number;
  readonly dmdCode: string;
  readonly medicineName: string | null;
  readonly quantity: number;
  readonly unit: string;
  readonly dosageText: string;
  readonly controlledDrugSchedule: Exclude<CdSchedule, 'SCHEDULE_1'> | null;
}

const MAX_QUANTITY = 1_000_000;

function text(value: string | null | undefined, field: string, max: number): string {
  const trimmed = (value ?? '').trim();
  if (trimmed.length < 1 || trimmed.length > max) throw PrescribingErrors.badText(field, max);
  return trimmed;
}

function validQuantity(quantity: number): boolean {
  // Stored as numeric(12,3): reject what the column would silently round.
  return (
    Number.isFinite(quantity) &&
    quantity > 0 &&
    quantity <= MAX_QUANTITY &&
    Math.abs(Math.round(quantity * 1000) - quantity * 1000) < 1e-6
  );
}

/**
 * Checks the items of a prescription before anything is written: 1 to 4 of them, each a dm+d
 * code that is not a Schedule 1 controlled drug, a positive quantity, a unit and a dosage. The
 * first fault found is thrown, naming the item (`input.items[i].<field>`).
 */
export function validateItems(items: readonly PrescriptionItemInput[]): ValidItem[] {
  if (items.length < 1 || items.length > MAX_ITEMS) throw PrescribingErrors.itemCount();
  return items.map((item, i) => {
    const dmdCode = item.dmdCode.trim();
    if (!isValidDmdCode(dmdCode)) throw PrescribingErrors.badDmd(i);
    const schedule = controlledDrugSchedule(dmdCode);
    if (schedule === 'SCHEDULE_1') throw PrescribingErrors.scheduleOne(i);
    if (!validQuantity(item.quantity)) throw PrescribingErrors.badQuantity(i);
    const name = item.medicineName?.trim() ? text(item.medicineName, `input.items[${i}].medicineName`, 255) : null;
    return {
      lineNo: i + 1,
      dmdCode,
      medicineName: name,
      quantity: item.quantity,
      unit: text(item.unit, `input.items[${i}].unit`, 100),
      dosageText: text(item.dosageText, `input.items[${i}].dosageText`, 1000),
      controlledDrugSchedule: schedule,
    };
  });
}

/** A nominated dispenser's ODS code (pharmacies have 5-character codes such as FA565), or null. */
export function validateDispenser(ods: string | null | undefined): string | null {
  if (ods === null || ods === undefined || ods.trim() === '') return null;
  const code = normaliseOdsCode(ods);
  if (!isValidOdsCode(code)) throw PrescribingErrors.badDispenser();
  return code;
}

/** A cancellation or rejection reason: 1-500 characters. */
export function validateReason(reason: string | null | undefined): string {
  const trimmed = (reason ?? '').trim();
  if (trimmed.length < 1 || trimmed.length > 500) throw PrescribingErrors.reasonRequired();
  return trimmed;
}
