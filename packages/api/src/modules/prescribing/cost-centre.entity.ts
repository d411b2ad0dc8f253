import { defineEntity, p } from '@mikro-orm/core';
import { Organisation, StaffUser } from '../organisations/index.js';
import { PRESCRIBER_CODE_KINDS, PROFESSIONS } from './prescribing.codes.js';
import { createdAt, hubEntity, updatedAt } from '../../platform/db/properties.js';

/**
 * A prescribing cost centre (PCC) set up for the hub with NHSBSA (docs/domain/workflows.md#getting-a-cost-centre,
 * docs/domain/model.md#prescribing). A hub has
 * at most one active cost centre; switching to another ODS code keeps the old row (inactive) so
 * prescriptions issued under it keep their attribution, and its prescribers stay attached to it.
 */
const PrescribingCostCentreSchema = hubEntity('PrescribingCostCentre', 'prescribing_cost_centre', {
  /** NHSBSA cost-centre code: one letter and five digits. */
  odsCode: p.string().length(6).unique(),
  name: p.string().length(200),
  hub: () => p.manyToOne(Organisation).ref().index(),
  /** The sub-ICB location (commissioner) holding the budget, e.g. 12A; EPS needs it as Organization.partOf. */
  parentCommissionerCode: p.string().length(6).nullable(),
  active: p.boolean().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export class PrescribingCostCentre extends PrescribingCostCentreSchema.class {}
PrescribingCostCentreSchema.setClass(PrescribingCostCentre);

/** A hub staff member attached to a cost centre with a prescriber code. */
const PrescriberSchema = hubEntity(
  'Prescriber',
  'prescriber',
  {
    costCentre: () => p.manyToOne(PrescribingCostCentre).ref(),
    staffUser: () => p.manyToOne(StaffUser).ref().index(),
    codeKind: p.enum(PRESCRIBER_CODE_KINDS),
    code: p.string().length(12),
    profession: p.enum(PROFESSIONS),
    active: p.boolean().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  { uniques: [{ properties: ['costCentre', 'staffUser'] }] },
);

export class Prescriber extends PrescriberSchema.class {}
PrescriberSchema.setClass(Prescriber);

/**
 * The short-form id sequence of one issuing ODS code (a hub cost centre, or a practice issuing a
 * repeat). Bumped by one `insert ... on conflict do update ... returning` whose row lock holds to
 * commit, so concurrent issues under one code serialise and never share a value.
 */
const PrescriptionSequenceSchema = defineEntity({
  name: 'PrescriptionSequence',
  tableName: 'prescription_sequence',
  properties: {
    odsCode: p.string().length(6).primary(),
    /** The last value handed out, 0..0xFFFFF. */
    lastValue: p.integer(),
  },
  checks: [{ name: 'prescription_sequence_range_check', expression: 'last_value >= 0 and last_value <= 1048575' }],
});

export class PrescriptionSequence extends PrescriptionSequenceSchema.class {}
PrescriptionSequenceSchema.setClass(PrescriptionSequence);
