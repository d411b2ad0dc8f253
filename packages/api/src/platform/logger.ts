import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * JSON logs. Redaction is a second line of defence: code logs ids only, and these paths catch
 * patient fields should an object slip through.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'pcn-hub' },
    redact: {
      paths: [
        '*.nhsNumber',
        '*.givenName',
        '*.familyName',
        '*.dateOfBirth',
        '*.name',
        'req.headers.authorization',
        'headers.authorization',
        '*.token',
        '*.variables',
      ],
      censor: '[redacted]',
    },
  });
}
