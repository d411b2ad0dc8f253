import type { FilterQuery } from '@mikro-orm/core';
import type { Em } from '../db/orm.js';
import { AuditEvent } from './audit-event.entity.js';

/** What the audit trail is narrowed by; ids are database ids, already decoded from global ids. */
export interface AuditTrailQuery {
  /** The PCN whose organisations' trail is read: the PCN itself, its hub and its practices. */
  readonly pcnId: string;
  /**
   * A practice's view (its admins, as data controller): only events about patients registered
   * with this practice, whoever's they are.
   */
  readonly registeredPracticeId?: string | null;
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
  if (query.registeredPracticeId) {
    // Every access to the practice's registered patients, by anyone: the organisation filter gives way.
    where[0] = {};
    return em
      .createQueryBuilder(AuditEvent, 'a')
      .where({ $and: where } as never)
      .andWhere('a.patient_id in (select p.id from patient p where p.registered_practice_id = ?)', [
        query.registeredPracticeId,
      ])
      .orderBy({ id: 'desc' })
      .limit(query.limit)
      .getResultList();
  }
  return em.find(AuditEvent, { $and: where }, { orderBy: { id: 'desc' }, limit: query.limit });
}
