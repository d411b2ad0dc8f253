import { p } from '@mikro-orm/core';
import { Organisation } from '../organisations/index.js';
import { HubService } from '../hub-services/index.js';
import { HUB_CLOSURE_KINDS, OC_ROUTINGS, OVERFLOW_MODES } from './inbox.codes.js';
import { createdAt, hubEntity, updatedAt } from '../../platform/db/properties.js';

/**
 * Per-practice online consultation settings; a practice without a row routes to the hub inbox and
 * does not share its inbox.
 */
const OcRoutingSettingSchema = hubEntity('OcRoutingSetting', 'oc_routing_setting', {
  practice: () => p.manyToOne(Organisation).ref().unique(),
  routing: p.enum(OC_ROUTINGS),
  /** Shared queues: hub staff may list and pull from this practice's inbox, and it sees the hub's queue of its patients. */
  inboxSharing: p.boolean().default(false),
  updatedBy: p.string().length(100),
  updatedAt: updatedAt(),
});

export class OcRoutingSetting extends OcRoutingSettingSchema.class {}
OcRoutingSettingSchema.setClass(OcRoutingSetting);

/** Planned capacity of one hub service on one day, with its thresholds and overflow behaviour. */
const CapacityPlanSchema = hubEntity(
  'CapacityPlan',
  'capacity_plan',
  {
    service: () => p.manyToOne(HubService).ref(),
    /** Local (Europe/London) calendar date. */
    date: p.date(),
    plannedCapacity: p.integer(),
    softThreshold: p.integer(),
    hardThreshold: p.integer(),
    overflowMode: p.enum(OVERFLOW_MODES),
    updatedBy: p.string().length(100),
    updatedAt: updatedAt(),
  },
  { uniques: [{ properties: ['service', 'date'] }] },
);

export class CapacityPlan extends CapacityPlanSchema.class {}
CapacityPlanSchema.setClass(CapacityPlan);

/**
 * Business continuity: a period in which the hub is closed or works at reduced capacity, planned
 * (a window) or declared from now (open-ended until reopened). In force at `t` when
 * `startsAt <= t` and `t` is before both `endsAt` and `endedAt` (when set).
 */
const HubClosureSchema = hubEntity('HubClosure', 'hub_closure', {
  hub: () => p.manyToOne(Organisation).ref().index(),
  kind: p.enum(HUB_CLOSURE_KINDS),
  startsAt: p.datetime(),
  endsAt: p.datetime().nullable(),
  /** REDUCED_CAPACITY only: the share of every capacity plan in force, 1-99. */
  capacityPercent: p.integer().nullable(),
  reason: p.string().length(2000),
  declaredBy: p.string().length(100),
  declaredAt: createdAt(),
  /** Set by reopenHub: the period ended (or, not yet started, was withdrawn) then. */
  endedAt: p.datetime().nullable(),
  endedBy: p.string().length(100).nullable(),
  endReason: p.string().length(2000).nullable(),
});

export class HubClosure extends HubClosureSchema.class {}
HubClosureSchema.setClass(HubClosure);
