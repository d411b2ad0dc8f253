import { defineEntity, p } from '@mikro-orm/core';
import { Organisation } from './organisation.entity.js';
import { uuidPrimaryKey } from '../../platform/db/properties.js';

const StaffUserSchema = defineEntity({
  name: 'StaffUser',
  tableName: 'staff_user',
  properties: {
    id: uuidPrimaryKey(),
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
