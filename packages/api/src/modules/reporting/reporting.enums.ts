import { OC_REPORT_DIMENSIONS } from './reporting.codes.js';
import { graphqlEnum } from '../../platform/graphql/enums.js';

export const OcReportDimensionEnum = graphqlEnum(OC_REPORT_DIMENSIONS, {
  name: 'OnlineConsultationReportDimension',
  description: 'A dimension the online consultation report groups by.',
  values: {
    PRACTICE: 'The practice the patient submitted to (a practice of the PCN).',
    MONTH: 'Calendar month of submission (Europe/London).',
    TYPE: 'Clinical or administrative, as currently recorded.',
  },
});
