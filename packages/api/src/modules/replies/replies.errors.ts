import { Errors, HubError } from '../../platform/errors.js';
import { MAX_REPLY_LINK, MAX_REPLY_TEXT } from './replies.codes.js';

/** Situation-named errors of replies. Messages carry ids and fields, never the reply or a contact detail. */
export const ReplyErrors = {
  consultationNotFound: (id: string) =>
    new HubError('NOT_FOUND', `Online consultation ${id} not found`, { id, field: 'input.consultationId' }),
  replyNotFound: (id: string) => new HubError('NOT_FOUND', `Reply ${id} not found`, { id, field: 'input.replyId' }),
  noContactChannel: (id: string) =>
    new HubError(
      'NO_CONTACT_CHANNEL',
      `The patient of online consultation ${id} gave no mobile number or e-mail address`,
      {
        id,
        field: 'input.consultationId',
      },
    ),
  badText: () => Errors.badInput('input.text', `text must be 1-${MAX_REPLY_TEXT} characters, the link included`),
  badLink: () => Errors.badInput('input.link', `link must be an https URL of at most ${MAX_REPLY_LINK} characters`),
  badReplyId: () => Errors.badInput('input.replyId', 'replyId is not a reply id'),
  badErrorCode: () => Errors.badInput('input.errorCode', 'errorCode must be 1-40 of A-Z, a-z, 0-9, underscore, hyphen'),
  errorCodeRequired: () => Errors.badInput('input.errorCode', 'A FAILED outcome needs the error code the gateway gave'),
} as const;
