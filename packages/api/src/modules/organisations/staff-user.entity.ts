import { p } from '@mikro-orm/core';
import { Organisation } from './organisation.entity.js';
import { createdAt, hubEntity } from '../../platform/db/properties.js';

const StaffUserSchema = hubEntity('StaffUser', 'staff_user', {
  /** Login name; the `sub` claim of the user's tokens. */
  username: p.string().length(100).unique(),
  displayName: p.string().length(200),
  organisation: () => p.manyToOne(Organisation).ref().index(),
  roles: p.array(),
  active: p.boolean().default(true),
  createdAt: createdAt(),
});

export class StaffUser extends StaffUserSchema.class {}
StaffUserSchema.setClass(StaffUser);
