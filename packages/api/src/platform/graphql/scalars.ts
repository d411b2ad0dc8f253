import { DateTimeResolver, LocalDateResolver } from 'graphql-scalars';

/** ISO 8601 date-time with offset, e.g. 2026-11-24T09:30:00Z. */
export const DateTime = DateTimeResolver;
/** Calendar date, YYYY-MM-DD (dates of birth). */
export const LocalDate = LocalDateResolver;
