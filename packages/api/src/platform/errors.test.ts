import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { createErrorFormatter, Errors, fieldFromMessage, mapKnownError, scrubValues } from './errors.js';
import type { Logger } from './logger.js';

describe('error message scrubbing', () => {
  it.each([
    [
      'Variable "$input" got invalid value "9434765918" at "input.nhsNumber"; NHSNumber: expected 10 digits',
      '9434765918',
    ],
    ['Variable "$input" got invalid value { nhsNumber: "9434765918" }; Field "x" is not defined', '9434765918'],
    [
      'Variable "$input" got invalid value "06/05/1990" at "input.dateOfBirth"; Value is not a valid LocalDate: 06/05/1990',
      '06/05/1990',
    ],
    ['Expected value of type "NHSNumber!", found "9434765918"; NHSNumber: expected 10 digits', '9434765918'],
    ['String cannot represent a non string value: 9434765918', '9434765918'],
    ['DateTime cannot represent an invalid date-time-string 2020-13-45T99:00Z.', '2020-13-45'],
  ])('removes the rejected value from %s', (message, value) => {
    expect(scrubValues(message)).not.toContain(value);
  });

  it('keeps the path and the rule', () => {
    const scrubbed = scrubValues(
      'Variable "$input" got invalid value "943" at "input.nhsNumber"; NHSNumber: expected 10 digits',
    );
    expect(scrubbed).toBe('Variable "$input" got invalid value at "input.nhsNumber"; NHSNumber: expected 10 digits');
  });

  it('names the field from a coercion message', () => {
    expect(fieldFromMessage('Variable "$input" got invalid value "x" at "input.dateOfBirth"; bad')).toBe(
      'input.dateOfBirth',
    );
    expect(fieldFromMessage('Variable "$n" got invalid value "x"; bad')).toBe('n');
    expect(fieldFromMessage('something else')).toBeUndefined();
  });
});

describe('error formatter', () => {
  const logged: unknown[] = [];
  const logger = { error: (obj: unknown) => logged.push(obj) } as unknown as Logger;
  const format = createErrorFormatter(logger);

  it('masks unknown errors with a correlation id and logs the detail', () => {
    const original = new Error('connection string postgres://secret@db leaked');
    const out = format(
      { message: original.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      new GraphQLError('x', { originalError: original }),
    );
    expect(out.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(out.message).not.toContain('secret');
    expect(out.message).toContain(String(out.extensions?.correlationId));
    expect(logged).toHaveLength(1);
    expect(JSON.stringify(out)).not.toContain('stacktrace');
  });

  it('maps ORM failures to contract codes', () => {
    const unique = new UniqueConstraintViolationException(
      new Error('duplicate key value violates unique constraint "patient_nhs_number_unique"'),
    );
    expect(mapKnownError(unique)?.code).toBe('CONFLICT');
    expect(mapKnownError(unique)?.message).not.toContain('nhs_number');
    expect(mapKnownError(new Error('other'))).toBeNull();
  });

  it('keeps HubError codes and fields', () => {
    const out = format(
      { message: 'x' },
      new GraphQLError('x', { originalError: Errors.badInput('input.nhsNumber', 'Not a valid NHS number') }),
    );
    expect(out.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.nhsNumber' });
    expect(out.message).toBe('Not a valid NHS number');
  });
});
