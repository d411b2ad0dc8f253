import { HubError } from '../../platform/errors.js';

/** Situation-named errors of attachments; messages name ids and fields, never file names. */
export const AttachmentErrors = {
  notFound: (id: string, field: string) => new HubError('NOT_FOUND', `Attachment ${id} not found`, { id, field }),
  consultationNotFound: (id: string) =>
    new HubError('NOT_FOUND', `OnlineConsultation ${id} not found`, { id, field: 'consultationId' }),
  notDeclared: (position: string) =>
    new HubError('NOT_FOUND', `The consultation declares no attachment at position ${position}`, { field: 'position' }),
  notAvailable: (id: string, status: string) =>
    new HubError('ATTACHMENT_NOT_AVAILABLE', `Attachment ${id} is ${status}, not AVAILABLE`, { id, status }),
  tooLarge: (limit: number) =>
    new HubError('PAYLOAD_TOO_LARGE', `Attachments may be at most ${limit} bytes`, {
      field: 'content-length',
      limit,
      http: { status: 413 },
    }),
  typeNotAllowed: (field: string) =>
    new HubError('BAD_USER_INPUT', 'The content type is not one the hub accepts for attachments', {
      field,
      http: { status: 415 },
    }),
  typeMismatch: () =>
    new HubError('BAD_USER_INPUT', 'Content-Type must be the content type declared with the consultation', {
      field: 'content-type',
      http: { status: 415 },
    }),
  sizeMismatch: () =>
    new HubError('BAD_USER_INPUT', 'The upload is not the size declared with the consultation', {
      field: 'content-length',
    }),
  incomplete: () =>
    new HubError('BAD_USER_INPUT', 'The upload ended before its declared size: nothing was stored', { field: 'body' }),
  checksumMismatch: (field: string) =>
    new HubError('BAD_USER_INPUT', 'The SHA-256 of the bytes is not the one declared', { field }),
  badDigest: () =>
    new HubError('BAD_USER_INPUT', 'Content-Digest must be sha-256=:<base64>: (RFC 9530)', { field: 'content-digest' }),
  alreadyUploaded: (id: string) =>
    new HubError('CONFLICT', `The bytes of this attachment were received before (attachment ${id})`, { id }),
  uploadNotAllowed: () =>
    new HubError('FORBIDDEN', 'Only the submitting supplier (inbox:submit) may upload attachments'),
  linkForged: () =>
    new HubError('FORBIDDEN', 'The download link is not valid', { field: 'link', http: { status: 403 } }),
  linkExpired: () =>
    new HubError('LINK_EXPIRED', 'The download link has expired; ask for a new one', { field: 'link' }),
  badVerdictTransition: (id: string, from: string, to: string) =>
    new HubError('INVALID_TRANSITION', `Attachment ${id} cannot go from ${from} to ${to}`, { id, from, to }),
} as const;
