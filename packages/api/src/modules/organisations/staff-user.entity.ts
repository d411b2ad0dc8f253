import { defineEntity, p } from '@mikro-orm/core';
import { uuidv7 } from '../../platform/ids.js';
import { Organisation } from './organisation.entity.js';

const StaffUserSchema = defineEntity({
  name: 'StaffUser',
  tableName: 'staff_user',
  properties: {
    id: p.uuid().primary().onCreate(() => uuidv7()),
    /** Login name; the `sub` claim of the user's tokens. */
    username: p.string().length(100).unique(),
    displayName: p.string().length(200),
    organisation: () => p.manyToOne(Organisation).ref().index(),
    roles: p.array(),
    active: p.boolean().default(true),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class StaffUser extends StaffUserSchema.class {}
StaffUserSchema.setClass(StaffUser);
