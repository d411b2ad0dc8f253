import { describe, expect, it } from 'vitest';
import { fieldFromMessage, scrubValues } from './errors.js';

describe('error message scrubbing', () => {
  it.each([
    ['Variable "$input" got invalid value "9434765918" at "input.nhsNumber"; NHSNumber: expected 10 digits', '9434765918'],
    ['Variable "$input" got invalid value { nhsNumber: "9434765918" }; Field "x" is not defined', '9434765918'],
    ['Variable "$input" got invalid value "06/05/1990" at "input.dateOfBirth"; Value is not a valid LocalDate: 06/05/1990', '06/05/1990'],
    ['Expected value of type "NHSNumber!", found "9434765918"; NHSNumber: expected 10 digits', '9434765918'],
    ['String cannot represent a non string value: 9434765918', '9434765918'],
    ['DateTime cannot represent an invalid date-time-string 2020-13-45T99:00Z.', '2020-13-45'],
  ])('removes the rejected value from %s', (message, value) => {
    expect(scrubValues(message)).not.toContain(value);
  });

  it('keeps the path and the rule', () => {
    const scrubbed = scrubValues('Variable "$input" got invalid value "943" at "input.nhsNumber"; NHSNumber: expected 10 digits');
    expect(scrubbed).toBe('Variable "$input" got invalid value at "input.nhsNumber"; NHSNumber: expected 10 digits');
  });

  it('names the field from a coercion message', () => {
    expect(fieldFromMessage('Variable "$input" got invalid value "x" at "input.dateOfBirth"; bad')).toBe('input.dateOfBirth');
    expect(fieldFromMessage('Variable "$n" got invalid value "x"; bad')).toBe('n');
    expect(fieldFromMessage('something else')).toBeUndefined();
  });
});
