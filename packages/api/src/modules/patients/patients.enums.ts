import { graphqlEnum } from '../../platform/graphql/enums.js';
import { SEXES } from './patient.entity.js';

export const SexEnum = graphqlEnum(SEXES, 'Sex', 'Administrative sex as recorded by the practice.', {
  FEMALE: 'Female.',
  MALE: 'Male.',
  OTHER: 'Other (recorded as neither female nor male).',
  UNKNOWN: 'Not known or not recorded.',
});
