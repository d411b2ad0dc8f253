import { OPEN_STATES } from './online-consultation.state.js';

/**
 * Overdue: open (neither completed nor cancelled) and past its response-expected-by time.
 *
 * The database keeps the key in a stored generated column, `due_at`: the response-expected-by
 * time while the consultation is open, and {@link NOT_DUE} once it closes or when it has none.
 * So "overdue" is `due_at < now`, and the overdue-first order is `due_at` ascending: the most
 * overdue first, then the open ones due soonest, then the rest. Nothing in the services keeps it
 * in step; every state change moves it. The sentinel keeps the key non-null, so the keyset
 * cursor needs no null ordering.
 */

/** 9999-12-31T00:00:00Z: the due time of a consultation that cannot be overdue. */
export const NOT_DUE = new Date(Date.UTC(9999, 11, 31));

/** Immutable SQL for the generated column (`to_timestamp(float8)` is immutable; a text cast is not). */
export const DUE_AT_SQL = `(case when state in (${OPEN_STATES.map((s) => `'${s}'`).join(', ')}) and response_expected_by is not null then response_expected_by else to_timestamp(${NOT_DUE.getTime() / 1000}) end) stored`;
