import { graphqlEnum } from '../../platform/graphql/enums.js';
import { SEXES } from './patient.entity.js';

export const SexEnum = graphqlEnum(SEXES, {
  name: 'Sex',
  description: 'Administrative sex as recorded by the practice.',
  values: {
    FEMALE: 'Female.',
    MALE: 'Male.',
    OTHER: 'Other (recorded as neither female nor male).',
    UNKNOWN: 'Not known or not recorded.',
  },
});
