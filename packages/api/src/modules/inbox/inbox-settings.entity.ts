import { defineEntity, p } from '@mikro-orm/core';
import { uuidv7 } from '../../platform/ids.js';
import { Organisation } from '../organisations/index.js';
import { HubService } from '../hub-services/index.js';
import { OC_ROUTINGS, OVERFLOW_MODES } from './inbox.codes.js';

/** Per-practice online consultation routing; a practice without a row routes to the hub inbox. */
const OcRoutingSettingSchema = defineEntity({
  name: 'OcRoutingSetting',
  tableName: 'oc_routing_setting',
  properties: {
    id: p.uuid().primary().onCreate(() => uuidv7()),
    practice: () => p.manyToOne(Organisation).ref().unique(),
    routing: p.enum(OC_ROUTINGS),
    updatedBy: p.string().length(100),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});

export class OcRoutingSetting extends OcRoutingSettingSchema.class {}
OcRoutingSettingSchema.setClass(OcRoutingSetting);

/** Planned capacity of one hub service on one day, with its thresholds and overflow behaviour. */
const CapacityPlanSchema = defineEntity({
  name: 'CapacityPlan',
  tableName: 'capacity_plan',
  properties: {
    id: p.uuid().primary().onCreate(() => uuidv7()),
    service: () => p.manyToOne(HubService).ref(),
    /** Local (Europe/London) calendar date. */
    date: p.date(),
    plannedCapacity: p.integer(),
    softThreshold: p.integer(),
    hardThreshold: p.integer(),
    overflowMode: p.enum(OVERFLOW_MODES),
    updatedBy: p.string().length(100),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
  uniques: [{ properties: ['service', 'date'] }],
});

export class CapacityPlan extends CapacityPlanSchema.class {}
CapacityPlanSchema.setClass(CapacityPlan);
