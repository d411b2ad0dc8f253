import { defineEntity, p } from '@mikro-orm/core';
import { Organisation } from '../organisations/index.js';
import { uuidPrimaryKey } from '../../platform/db/properties.js';

export const SEXES = ['FEMALE', 'MALE', 'OTHER', 'UNKNOWN'] as const;
export type Sex = (typeof SEXES)[number];

const PatientSchema = defineEntity({
  name: 'Patient',
  tableName: 'patient',
  properties: {
    id: uuidPrimaryKey(),
    nhsNumber: p.string().length(10).unique(),
    givenName: p.string().length(100),
    familyName: p.string().length(100),
    /** ISO date (YYYY-MM-DD). */
    dateOfBirth: p.date(),
    sex: p.enum(SEXES).default('UNKNOWN'),
    registeredPractice: () => p.manyToOne(Organisation).ref().index(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  indexes: [{ properties: ['familyName', 'givenName'] }],
});

export class Patient extends PatientSchema.class {}
PatientSchema.setClass(Patient);
