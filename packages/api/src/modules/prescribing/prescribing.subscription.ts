import { Field, ID, ObjectType } from 'type-graphql';
import { hasAnyRole } from '../../platform/auth/actor.js';
import { expectOwnOrganisation, liveStreamResolver, streamEventFields } from '../../platform/events/index.js';
import { toGlobalId } from '../../platform/graphql/relay.js';
import { staffAccountActive } from '../organisations/index.js';
import { prescribingStream } from './prescribing.events.js';
import { toPrescriptionType } from './prescribing.mappers.js';
import { PRESCRIPTION_READERS, canSeePrescription } from './prescribing.policy.js';
import { PrescriptionType } from './prescribing.types.js';
import { Prescription } from './prescription.entity.js';

@ObjectType('PrescribingEvent', {
  description: 'A prescription changed: its state, or the status of one of its EPS messages.',
})
export class PrescribingEvent extends streamEventFields({
  event: 'PrescribingEvent',
  seq: "Position in this organisation's prescribing stream: gap-free, increasing by one.",
}) {
  readonly __typename = 'PrescribingEvent' as const;
  @Field(() => String, {
    description: 'Event type: PRESCRIPTION_<state reached>, or EPS_STATUS_CHANGED (see Prescription.epsMessages).',
  })
  type!: string;
  @Field(() => ID, { description: 'Global id of the prescription.' })
  prescriptionId!: string;
}

export const PrescribingSubscriptionResolver = liveStreamResolver({
  field: 'prescribingEvents',
  description:
    "Live prescribing events of the viewer's own organisation (the hub: its prescriptions; a practice: its patients'), gap-free and resumable like inboxEvents: state changes, and on the hub's stream the EPS status of each message. Another organisation's stream is refused.",
  roles: PRESCRIPTION_READERS,
  types: {
    event: PrescribingEvent,
    heartbeat: 'PrescribingStreamHeartbeat',
    resync: 'PrescribingStreamResyncRequired',
    reload: 'reload prescriptions, then',
    union: 'PrescribingStreamMessage',
    of: 'a prescribing live stream',
  },
  accountActive: staffAccountActive,
  follow: (ctx, { organisation }) => ({
    stream: prescribingStream(expectOwnOrganisation(ctx, organisation, 'Prescribing stream')),
    allowed: () => hasAnyRole(ctx.actor, PRESCRIPTION_READERS),
  }),
  toEvent: (event) => ({ type: event.type, prescriptionId: toGlobalId('Prescription', event.subjectId) }),
  subject: {
    field: 'prescription',
    type: () => PrescriptionType,
    description: 'The prescription as it is now, when visible. Audited.',
    read: async (scope, event) => {
      const p = await scope.em.findOne(Prescription, { id: event.subjectDbId });
      if (!p || !canSeePrescription(scope.actor, { hubId: p.hub.id, registeredPracticeId: p.registeredPractice.id }))
        return null;
      return {
        value: Object.assign(toPrescriptionType(p), { scope }),
        audit: { action: 'readPrescription', subjectType: 'Prescription', subjectId: p.id, patientId: p.patient.id },
      };
    },
  },
});
