import type { CombinedError } from '@urql/core';

/** An API error as the user reads it: words for the code, and the input field at fault if any. */
export interface ShownError {
  readonly code: string;
  readonly text: string;
  readonly field: string | null;
}

function words(code: string, message: string, extensions: Record<string, unknown>): string {
  switch (code) {
    case 'BAD_USER_INPUT':
      return `Please check what you entered: ${message}`;
    case 'UNAUTHENTICATED':
      return 'Your session has ended. Please sign in again.';
    case 'FORBIDDEN':
      return 'You do not have permission to do this.';
    case 'NOT_FOUND':
      return 'This could not be found, or it is no longer yours to see.';
    case 'CONFLICT':
      return `Someone else got there first: ${message}`;
    case 'INVALID_TRANSITION': {
      const from = typeof extensions.from === 'string' ? human(extensions.from) : 'its current state';
      const to = typeof extensions.to === 'string' ? human(extensions.to) : 'that state';
      return `This consultation is ${from}, so it cannot move to ${to}. Reload to see its current state.`;
    }
    case 'IDEMPOTENCY_KEY_REUSED':
      return 'This request was already sent with different details. Reload and try again.';
    case 'RATE_LIMITED':
      return 'Too many requests. Wait a moment, then try again.';
    case 'QUERY_TOO_COMPLEX':
      return 'That request asks for too much at once.';
    case 'PAYLOAD_TOO_LARGE':
      return 'What you entered is too large to send.';
    case 'SERVICE_UNAVAILABLE':
      return 'The hub is temporarily unavailable. Try again in a moment.';
    case 'ATTACHMENT_NOT_AVAILABLE':
      return 'This file is not available yet (it is still arriving or being checked for viruses), or it was rejected.';
    case 'LINK_EXPIRED':
      return 'The download link has expired. Try again.';
    case 'NETWORK':
      return 'The hub could not be reached. Check your connection and try again.';
    default:
      return `Something went wrong (${message}).`;
  }
}

/** ENUM_VALUE → "enum value". */
export function human(value: string): string {
  return value.toLowerCase().replace(/_/g, ' ');
}

export function showError(error: CombinedError | undefined | null): ShownError | null {
  if (!error) return null;
  const first = error.graphQLErrors[0];
  if (!first) return { code: 'NETWORK', text: words('NETWORK', error.message, {}), field: null };
  const extensions = first.extensions as Record<string, unknown>;
  const code = typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR';
  const field = typeof extensions.field === 'string' ? extensions.field : null;
  return { code, text: words(code, first.message, extensions), field };
}

/** True when the error means the token is no longer accepted. */
export function isUnauthenticated(error: CombinedError | undefined | null): boolean {
  return !!error?.graphQLErrors.some((e) => e.extensions.code === 'UNAUTHENTICATED');
}
