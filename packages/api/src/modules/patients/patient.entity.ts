import { p } from '@mikro-orm/core';
import { Organisation } from '../organisations/index.js';
import { createdAt, hubEntity } from '../../platform/db/properties.js';

export const SEXES = ['FEMALE', 'MALE', 'OTHER', 'UNKNOWN'] as const;
export type Sex = (typeof SEXES)[number];

const PatientSchema = hubEntity(
  'Patient',
  'patient',
  {
    nhsNumber: p.string().length(10).unique(),
    givenName: p.string().length(100),
    familyName: p.string().length(100),
    /** ISO date (YYYY-MM-DD). */
    dateOfBirth: p.date(),
    sex: p.enum(SEXES).default('UNKNOWN'),
    registeredPractice: () => p.manyToOne(Organisation).ref().index(),
    createdAt: createdAt(),
  },
  { indexes: [{ properties: ['familyName', 'givenName'] }] },
);

export class Patient extends PatientSchema.class {}
PatientSchema.setClass(Patient);
