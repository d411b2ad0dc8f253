import type { ConsultationEntryInput, RecordConsultationInput } from '@pcn-hub/sdk/client';
import {
  CONDITION_CODES,
  describeOutcome,
  isPharmacyCondition,
  isPharmacyOutcome,
  PHARMACY_CONDITIONS,
  PHARMACY_OUTCOMES,
} from './pharmacy.conditions.js';
import { PharmacyRecordError, type RecordIssue } from './pharmacy.errors.js';
import { isConceptId, isOdsCode, isValidNhsNumber, normaliseNhsNumber } from './pharmacy.identifiers.js';
import type { PharmacyConsultationRecord, PharmacySupply } from './pharmacy.types.js';

/** Options of {@link toRecordConsultationInput}. */
export interface MapperOptions {
  /** The current time, for the "not in the future" check; default now. */
  readonly now?: Date;
}

/** The idempotency keys of one pharmacy consultation: the same record always yields the same keys. */
export interface PharmacyIdempotencyKeys {
  readonly record: string;
  readonly save: string;
}

const CONSULTATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;
const GPHC = /^\d{7}$/;
/** Clock skew tolerated between the pharmacy system and us (the hub allows the same). */
const SKEW_MS = 5 * 60_000;

type Issues = RecordIssue[];

function text(value: unknown, field: string, max: number, issues: Issues): string {
  if (typeof value !== 'string' || value.trim() === '') {
    issues.push({ field, message: 'is required' });
    return '';
  }
  const trimmed = value.trim();
  if (trimmed.length > max) issues.push({ field, message: `is longer than ${max} characters` });
  return trimmed;
}

function supplyEntry(supply: PharmacySupply, issues: Issues): ConsultationEntryInput {
  const dmdCode = typeof supply.dmdCode === 'string' ? supply.dmdCode.trim() : '';
  if (!isConceptId(dmdCode, { dmd: true }))
    issues.push({ field: 'supply.dmdCode', message: 'is not a valid dm+d code' });
  return {
    medication: {
      dmdCode,
      name: text(supply.name, 'supply.name', 255, issues),
      dose: text(supply.dose, 'supply.dose', 500, issues),
      quantity: text(supply.quantity, 'supply.quantity', 100, issues),
    },
  };
}

function startedAt(value: unknown, now: Date, issues: Issues): string {
  const raw = typeof value === 'string' ? value.trim() : '';
  const parsed = RFC3339.test(raw) ? new Date(raw) : null;
  if (!parsed || Number.isNaN(parsed.getTime())) {
    issues.push({ field: 'consultedAt', message: 'must be an RFC 3339 date-time with a zone' });
    return '';
  }
  if (parsed.getTime() > now.getTime() + SKEW_MS) issues.push({ field: 'consultedAt', message: 'is in the future' });
  return parsed.toISOString();
}

/**
 * The idempotency keys derived from the pharmacy's own consultation id (scoped by the pharmacy's
 * ODS code: two pharmacies may number alike). Call on a validated record.
 */
export function pharmacyIdempotencyKeys(
  record: Pick<PharmacyConsultationRecord, 'consultationId' | 'pharmacy'>,
): PharmacyIdempotencyKeys {
  const base = `pharmacy:${record.pharmacy.odsCode.trim().toUpperCase()}:${record.consultationId.trim()}`;
  return { record: `${base}:record`, save: `${base}:save` };
}

/**
 * Maps a pharmacy consultation to the hub's `RecordConsultationInput`: a coded entry for the
 * condition, a note with the outcome and advice, and a medication entry for a supply. Pure and
 * deterministic (the same record gives the same input, so a resend replays at the hub instead of
 * being refused as a changed request). Validates everything first and throws
 * {@link PharmacyRecordError} listing every field at fault; values never appear in messages.
 */
export function toRecordConsultationInput(
  record: PharmacyConsultationRecord,
  options: MapperOptions = {},
): RecordConsultationInput {
  const issues: Issues = [];
  const now = options.now ?? new Date();
  if (typeof record !== 'object' || (record as unknown) === null)
    throw new PharmacyRecordError([{ field: '(record)', message: 'must be an object' }]);

  const consultationId = typeof record.consultationId === 'string' ? record.consultationId.trim() : '';
  if (!CONSULTATION_ID.test(consultationId)) {
    issues.push({ field: 'consultationId', message: 'must be 1-100 of A-Z, a-z, 0-9, ".", "_", ":", "-"' });
  }
  const nhsNumber = typeof record.nhsNumber === 'string' ? normaliseNhsNumber(record.nhsNumber) : '';
  if (!isValidNhsNumber(nhsNumber)) issues.push({ field: 'nhsNumber', message: 'is not a valid NHS number' });

  const pharmacy = (record.pharmacy as PharmacyConsultationRecord['pharmacy'] | undefined) ?? { odsCode: '', name: '' };
  const odsCode = typeof pharmacy.odsCode === 'string' ? pharmacy.odsCode.trim().toUpperCase() : '';
  if (!isOdsCode(odsCode)) issues.push({ field: 'pharmacy.odsCode', message: 'is not an ODS code' });
  const pharmacyName = text(pharmacy.name, 'pharmacy.name', 150, issues);

  const pharmacist = (record.pharmacist as PharmacyConsultationRecord['pharmacist'] | undefined) ?? { name: '' };
  const pharmacistName = text(pharmacist.name, 'pharmacist.name', 100, issues);
  const gphc = typeof pharmacist.gphcNumber === 'string' ? pharmacist.gphcNumber.trim() : null;
  if (pharmacist.gphcNumber != null && (gphc === null || !GPHC.test(gphc))) {
    issues.push({ field: 'pharmacist.gphcNumber', message: 'must be 7 digits' });
  }

  const start = startedAt(record.consultedAt, now, issues);
  const condition = isPharmacyCondition(record.condition) ? record.condition : null;
  if (!condition) issues.push({ field: 'condition', message: `must be one of ${PHARMACY_CONDITIONS.join(', ')}` });
  const outcome = isPharmacyOutcome(record.outcome) ? record.outcome : null;
  if (!outcome) issues.push({ field: 'outcome', message: `must be one of ${PHARMACY_OUTCOMES.join(', ')}` });
  const advice = text(record.advice, 'advice', 8000, issues);

  const supply = record.supply ?? null;
  if (outcome === 'MEDICINE_SUPPLIED' && !supply)
    issues.push({ field: 'supply', message: 'is required when a medicine was supplied' });
  if (outcome && outcome !== 'MEDICINE_SUPPLIED' && supply)
    issues.push({ field: 'supply', message: 'is only recorded with outcome MEDICINE_SUPPLIED' });
  const medication = supply ? supplyEntry(supply, issues) : null;

  if (issues.length > 0 || !condition || !outcome) throw new PharmacyRecordError(issues);

  const coding = CONDITION_CODES[condition];
  const by = gphc ? `${pharmacistName} (GPhC ${gphc})` : pharmacistName;
  const note = [
    `Pharmacy First: ${coding.pathway}.`,
    `Consulted at ${pharmacyName} (${odsCode}) by ${by}; pharmacy reference ${consultationId}.`,
    `Outcome: ${describeOutcome(outcome)}.`,
    `Advice: ${advice}`,
  ].join('\n');
  const entries: ConsultationEntryInput[] = [
    { coded: { snomedCode: coding.snomedCode, term: coding.term, codedKind: 'FINDING' } },
    { note: { text: note, adminOnly: false } },
    ...(medication ? [medication] : []),
  ];
  return {
    nhsNumber,
    startedAt: start,
    location: `${pharmacyName} (${odsCode})`,
    clinicallyRelevant: true,
    entries,
    idempotencyKey: pharmacyIdempotencyKeys({ consultationId, pharmacy: { odsCode, name: pharmacyName } }).record,
  };
}
