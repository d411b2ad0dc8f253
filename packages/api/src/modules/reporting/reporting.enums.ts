import { registerEnumType } from 'type-graphql';
import { OC_REPORT_DIMENSIONS } from './reporting.codes.js';

type EnumOf<T extends readonly string[]> = { [K in T[number]]: K };
const enumOf = <T extends readonly string[]>(values: T): EnumOf<T> =>
  Object.fromEntries(values.map((v) => [v, v])) as EnumOf<T>;

export const OcReportDimensionEnum = enumOf(OC_REPORT_DIMENSIONS);
registerEnumType(OcReportDimensionEnum, {
  name: 'OnlineConsultationReportDimension',
  description: 'A dimension the online consultation report groups by.',
  valuesConfig: {
    PRACTICE: { description: 'The practice the patient submitted to (a practice of the PCN).' },
    MONTH: { description: 'Calendar month of submission (Europe/London).' },
    TYPE: { description: 'Clinical or administrative, as currently recorded.' },
  },
});
