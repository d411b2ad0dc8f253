import { graphqlEnum } from '../../platform/graphql/enums.js';
import { SLOT_MODES, SLOT_STATUSES } from './appointments.codes.js';

export const SlotModeEnum = graphqlEnum(SLOT_MODES, {
  name: 'SlotMode',
  description: 'How the patient is seen.',
  values: {
    FACE_TO_FACE: 'In person at the hub (slot-type suffix F2F).',
    TELEPHONE: 'By telephone (suffix TEL).',
    VIDEO: 'By video (suffix VID).',
  },
});

export const SlotStatusEnum = graphqlEnum(SLOT_STATUSES, {
  name: 'SlotStatus',
  description: 'Whether a slot can be booked.',
  values: {
    FREE: 'Bookable.',
    BOOKED: 'Taken by a referral.',
    BLOCKED: 'Withdrawn by the hub.',
  },
});
