import { defineEntity, p } from '@mikro-orm/core';
import { EPS_OPERATIONS, EPS_STATUSES } from './eps/eps.codes.js';
import { Prescription } from './prescription.entity.js';
import { createdAt, updatedAt } from '../../platform/db/properties.js';

/**
 * One EPS message of a prescription, written in the transaction that issued or cancelled it (the
 * outbox row; its event on `eps:<hub id>` reaches the EPS plugin through the plugin webhook queue).
 * The id is the message id: Bundle.id and Bundle.identifier of the rendered message, the same on
 * every attempt, so EPS and the plugin de-duplicate on it. The message itself is rendered when read,
 * from the prescription as stored (it carries patient data, which stays out of this table).
 */
const EpsMessageSchema = defineEntity({
  name: 'EpsMessage',
  tableName: 'eps_message',
  properties: {
    id: p.uuid().primary(),
    prescription: () => p.manyToOne(Prescription).ref(),
    operation: p.enum(EPS_OPERATIONS),
    status: p.enum(EPS_STATUSES),
    /** EPS status-reason code of a cancellation (0001-0008); null for an order. */
    reasonCode: p.string().length(4).nullable(),
    /** Outcomes reported as RETRYING so far. */
    retries: p.integer().default(0),
    /** The last error code reported (EPS's, or the plugin's for a transport failure). */
    errorCode: p.string().length(40).nullable(),
    /** Who reported the last outcome (the plugin's name). */
    reportedBy: p.string().length(100).nullable(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  uniques: [{ properties: ['prescription', 'operation'] }],
});

export class EpsMessage extends EpsMessageSchema.class {}
EpsMessageSchema.setClass(EpsMessage);
