import { p } from '@mikro-orm/core';
import { createdAt, hubEntity } from '../../platform/db/properties.js';

/** The kinds of organisation the hub knows; the GraphQL enum mirrors these. */
export const ORGANISATION_KINDS = ['PCN', 'HUB', 'PRACTICE'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

const OrganisationSchema = hubEntity('Organisation', 'organisation', {
  kind: p.enum(ORGANISATION_KINDS),
  odsCode: p.string().length(12).unique(),
  name: p.string().length(200),
  /** The PCN a hub or practice belongs to; null for a PCN. */
  pcn: () => p.manyToOne(Organisation).nullable().ref().index(),
  active: p.boolean().default(true),
  createdAt: createdAt(),
});

export class Organisation extends OrganisationSchema.class {}
OrganisationSchema.setClass(Organisation);
