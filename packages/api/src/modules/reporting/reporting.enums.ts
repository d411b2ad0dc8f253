import { registerEnumType } from 'type-graphql';
import { OC_REPORT_DIMENSIONS } from './reporting.codes.js';
import { enumOf } from '../../platform/graphql/enums.js';

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
