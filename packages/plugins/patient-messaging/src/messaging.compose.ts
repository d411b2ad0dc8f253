import type { ReplyTemplate } from '@pcn-hub/sdk/client';

/** How each template opens the message; the staff's free text and the link follow. */
export const TEMPLATE_OPENINGS: Readonly<Record<ReplyTemplate, string>> = {
  ADVICE: 'Your GP practice team has reviewed your online request.',
  SELF_CARE: 'Your GP practice team has reviewed your online request: you can look after this at home.',
  BOOKING_INVITATION: 'Your GP practice team would like you to book an appointment.',
  PHOTO_REQUEST: 'Your GP practice team would like a photo to help with your request.',
  FURTHER_INFORMATION: 'Your GP practice team needs a little more information about your request.',
};

/** The message the patient receives: the template's opening, the text, then the link on its own line. */
export function composeReply(reply: { template: ReplyTemplate; text: string; link: string | null }): string {
  return [TEMPLATE_OPENINGS[reply.template], reply.text, ...(reply.link ? [reply.link] : [])].join('\n');
}
