import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Info, Int, Query, Resolver } from 'type-graphql';
import type { AuthenticatedContext } from '../context.js';
import { selectedFields } from '../graphql/lookahead.js';
import { expectGlobalId, pageSize, toConnection } from '../graphql/relay.js';
import { findAuditTrail } from './audit.service.js';
import { AuditEventConnection, AuditEventFilter, type AuditEventType } from './audit.types.js';
import { ROLES } from '../auth/roles.js';
import { AuthCtx } from '../auth/auth-context.js';
import { keyset } from '../graphql/keyset.js';

/** The trail, newest first (ids are UUIDv7). */
const AUDIT_PAGE = keyset<AuditEventType>([{ property: 'id', part: 'uuid', of: (row) => row.dbId }], 'desc');

@Resolver()
export class AuditResolver {
  @Authorized(...ROLES.administrators)
  @Query(() => AuditEventConnection, {
    description:
      "The audit trail, newest first. A hub manager reads the trail of the PCN's organisations (denials included); a practice admin reads every access to the patients registered with the practice, by anyone (the data controller's view).",
  })
  async auditEvents(
    @Arg('filter', () => AuditEventFilter, { nullable: true, description: 'Filters.' }) filter: AuditEventFilter | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1-200 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor from a previous page.' }) after: string | null,
    @AuthCtx() ctx: AuthenticatedContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InstanceType<typeof AuditEventConnection>> {
    const size = pageSize(first);
    // One statement, of only the columns the selection asks for.
    const fields = selectedFields(info, ['edges', 'node']);
    const rows = await findAuditTrail(ctx.sqlEm, fields, {
      pcnId: ctx.actor.pcnId,
      registeredPracticeId: ctx.actor.roles.has('HUB_MANAGER') ? null : ctx.actor.organisationId,
      patientId: filter?.patientId ? expectGlobalId(filter.patientId, 'Patient', 'filter.patientId') : null,
      actorId: filter?.actorId ?? null,
      from: filter?.from ?? null,
      to: filter?.to ?? null,
      beforeId: (AUDIT_PAGE.decode(after)?.[0] as string | undefined) ?? null,
      limit: size + 1,
    });
    return toConnection(rows, size, Boolean(after), (row) => row, AUDIT_PAGE.cursorOf);
  }
}
