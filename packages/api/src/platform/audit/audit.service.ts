import type { FilterQuery } from '@mikro-orm/core';
import type { Em } from '../db/orm.js';
import { AuditEvent } from './audit-event.entity.js';

/** What the audit trail is narrowed by; ids are database ids, already decoded from global ids. */
export interface AuditTrailQuery {
  /** The PCN whose organisations' trail is read: the PCN itself, its hub and its practices. */
  readonly pcnId: string;
  readonly patientId?: string | null;
  readonly actorId?: string | null;
  /** At or after. */
  readonly from?: Date | null;
  /** Before. */
  readonly to?: Date | null;
  /** Keyset cursor: only events with a smaller (older) id. */
  readonly beforeId?: string | null;
  readonly limit: number;
}

/** One page of a PCN's audit trail, newest first (uuidv7 ids sort by time). */
export async function findAuditTrail(em: Em, query: AuditTrailQuery): Promise<AuditEvent[]> {
  const orgs = await em
    .getConnection()
    .execute<{ ods_code: string }[]>('select ods_code from organisation where id = ? or pcn_id = ?', [
      query.pcnId,
      query.pcnId,
    ]);
  const where: FilterQuery<AuditEvent>[] = [{ organisationOds: { $in: orgs.map((o) => o.ods_code) } }];
  if (query.patientId) where.push({ patientId: query.patientId });
  if (query.actorId) where.push({ actorId: query.actorId });
  if (query.from) where.push({ at: { $gte: query.from } });
  if (query.to) where.push({ at: { $lt: query.to } });
  if (query.beforeId) where.push({ id: { $lt: query.beforeId } });
  return em.find(AuditEvent, { $and: where }, { orderBy: { id: 'desc' }, limit: query.limit });
}
