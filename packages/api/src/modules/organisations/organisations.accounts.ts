import type { Orm } from '../../platform/db/orm.js';
import { StaffUser } from './staff-user.entity.js';

/**
 * Whether a token subject's staff account is still enabled. Tokens from an identity provider may
 * name people without a staff row: only a disabled row refuses.
 */
export function staffAccountActive(orm: Orm): (username: string) => Promise<boolean> {
  return async (username) => {
    const user = await orm.em.fork().findOne(StaffUser, { username }, { fields: ['active'] });
    return !user || user.active;
  };
}
