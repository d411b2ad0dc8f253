import { Field, InputType } from 'type-graphql';
import { DateTime } from '../../platform/graphql/scalars.js';

@InputType('ReportPeriodInput', { description: 'A half-open period [from, to) of submission, at most 731 days.' })
export class ReportPeriodInput {
  @Field(() => DateTime, { description: 'Start (inclusive).' })
  from!: Date;

  @Field(() => DateTime, { description: 'End (exclusive); after the start.' })
  to!: Date;
}
