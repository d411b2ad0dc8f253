import { normaliseOdsCode } from '@pcn-hub/schema';
import type { Actor } from '../../platform/auth/actor.js';
import type { Em } from '../../platform/db/orm.js';
import { AuditEvent } from '../../platform/audit/audit-event.entity.js';
import { AuditedRefusal } from '../../platform/auth/caller.js';
import { HubError } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { parseApiKey, secretMatches } from './credentials.rules.js';

/** What a plugin sends besides its key. */
export interface PluginCallerHints {
  /** ODS code of the enabling organisation to act for (`x-pcn-hub-organisation`). */
  readonly organisation?: string | null;
  /** Staff username it acts for (`x-pcn-hub-on-behalf-of`). */
  readonly onBehalfOf?: string | null;
  readonly requestId?: string;
}

interface KeyRow {
  key_id: string;
  secret_hash: string;
  expires_at: Date | string | null;
  revoked_at: Date | string | null;
  plugin_id: string;
  plugin_name: string;
  plugin_state: string;
  scopes: string[] | string;
  /** `producesCodes` of the approved manifest (null or empty: none declared). */
  produces_codes: string[] | string | null;
  pcn_id: string;
  pcn_ods: string | null;
}

interface EnabledRow {
  id: string;
  ods_code: string;
  kind: 'PCN' | 'HUB' | 'PRACTICE';
  pcn_id: string | null;
}

const USERNAME = /^[A-Za-z0-9._@-]{1,100}$/;

function denied(code: 'UNAUTHENTICATED' | 'FORBIDDEN', message: string): HubError {
  return new HubError(code, message, { http: { status: code === 'UNAUTHENTICATED' ? 401 : 403 } });
}

/** A refusal of a known key, already audited here (the caller samples only unknown credentials). */
function refused(code: 'UNAUTHENTICATED' | 'FORBIDDEN', message: string): AuditedRefusal {
  return new AuditedRefusal(code, message, { http: { status: code === 'UNAUTHENTICATED' ? 401 : 403 } });
}

async function auditDenial(
  em: Em,
  actorId: string,
  ods: string | null,
  reason: string,
  requestId: string | null,
): Promise<void> {
  await em.insertMany(AuditEvent, [
    {
      id: uuidv7(),
      at: new Date(),
      actorId,
      actorType: 'PLUGIN',
      organisationOds: ods,
      action: 'authenticatePlugin',
      subjectType: 'Plugin',
      subjectId: null,
      patientId: null,
      outcome: 'DENIED',
      requestId,
      reason,
      onBehalfOf: null,
    },
  ]);
}

/**
 * Turns an API key into a plugin actor. Read from the database on every call (no cache) so a
 * revocation, a rotation past its overlap, a suspension or a disablement takes effect at once.
 * Every refusal is audited and answers alike for an unknown key and a wrong secret.
 */
export async function authenticatePluginKey(em: Em, presented: string, hints: PluginCallerHints): Promise<Actor> {
  const parsed = parseApiKey(presented);
  if (!parsed) throw denied('UNAUTHENTICATED', 'API key is malformed');
  const connection = em.getConnection();
  const [row] = await connection.execute<KeyRow[]>(
    `select k.id as key_id, k.secret_hash, k.expires_at, k.revoked_at, p.id as plugin_id, p.name as plugin_name,
            p.state as plugin_state, p.scopes, p.pcn_id, pcn.ods_code as pcn_ods,
            (select m.manifest -> 'producesCodes' from plugin_manifest_version m
              where m.plugin_id = p.id and m.number = p.approved_version) as produces_codes
       from plugin_api_key k join plugin p on p.id = k.plugin_id left join organisation pcn on pcn.id = p.pcn_id
      where k.id = ?`,
    [parsed.id],
  );
  // Unknown keys are not audited one row each (an anonymous client could flood the trail): the
  // caller counts them per address and key prefix and samples them into the audit.
  if (!row || !secretMatches(parsed.secret, row.secret_hash)) throw denied('UNAUTHENTICATED', 'API key is not valid');
  const requestId = hints.requestId ?? null;
  const targeted = hints.organisation ? normaliseOdsCode(hints.organisation) : row.pcn_ods;
  const now = Date.now();
  const expired = row.expires_at !== null && new Date(row.expires_at).getTime() <= now;
  if (row.revoked_at !== null || expired) {
    await auditDenial(
      em,
      row.plugin_name,
      targeted,
      row.revoked_at !== null ? `key ${row.key_id} revoked` : `key ${row.key_id} rotated out`,
      requestId,
    );
    throw refused(
      'UNAUTHENTICATED',
      row.revoked_at !== null ? 'API key has been revoked' : 'API key has expired (rotated)',
    );
  }
  if (row.plugin_state !== 'ACTIVE') {
    await auditDenial(em, row.plugin_name, targeted, 'plugin suspended', requestId);
    throw refused('UNAUTHENTICATED', 'Plugin is suspended');
  }
  const enabled = await connection.execute<EnabledRow[]>(
    `select o.id, o.ods_code, o.kind, o.pcn_id
       from plugin_enablement e join organisation o on o.id = e.organisation_id
      where e.plugin_id = ? and e.enabled = true and o.active = true
      order by o.ods_code`,
    [row.plugin_id],
  );
  const wanted = hints.organisation ? normaliseOdsCode(hints.organisation) : null;
  const org = wanted ? enabled.find((o) => o.ods_code === wanted) : enabled.length === 1 ? enabled[0] : undefined;
  if (!org) {
    const reason = wanted
      ? `organisation ${wanted} has not enabled the plugin`
      : enabled.length === 0
        ? 'no organisation has enabled the plugin'
        : 'several organisations enabled the plugin: name one in x-pcn-hub-organisation';
    await auditDenial(em, row.plugin_name, targeted, reason, requestId);
    throw refused(
      'FORBIDDEN',
      wanted ? `Organisation ${wanted} has not enabled this plugin` : reason.replace(/^./, (c) => c.toUpperCase()),
    );
  }
  let onBehalfOf: string | null = null;
  if (hints.onBehalfOf) {
    const username = hints.onBehalfOf.trim();
    const staff = USERNAME.test(username)
      ? await connection.execute<{ id: string }[]>(
          'select id from staff_user where username = ? and organisation_id = ? and active = true',
          [username, org.id],
        )
      : [];
    if (staff.length === 0) {
      await auditDenial(
        em,
        row.plugin_name,
        org.ods_code,
        'on-behalf-of user is not active staff of the organisation',
        requestId,
      );
      throw refused('FORBIDDEN', 'x-pcn-hub-on-behalf-of does not name active staff of the organisation');
    }
    onBehalfOf = username;
  }
  const scopes = typeof row.scopes === 'string' ? (JSON.parse(row.scopes) as string[]) : row.scopes;
  const codes =
    typeof row.produces_codes === 'string' ? (JSON.parse(row.produces_codes) as string[] | null) : row.produces_codes;
  return {
    kind: 'PLUGIN',
    id: row.plugin_name,
    roles: new Set(['INTEGRATION']),
    organisationId: org.id,
    organisationOds: org.ods_code,
    organisationKind: org.kind,
    pcnId: org.kind === 'PCN' ? org.id : org.pcn_id!,
    expiresAt: row.expires_at === null ? null : new Date(row.expires_at),
    plugin: {
      id: row.plugin_id,
      name: row.plugin_name,
      keyId: row.key_id,
      scopes: new Set(scopes),
      onBehalfOf,
      producesCodes: codes && codes.length > 0 ? new Set(codes) : null,
    },
    stillAllowed: (scope) => pluginStillAllowed(em.fork(), row.key_id, org.id, scope),
  };
}

/** For live streams: the key is live, the plugin active, enabled by the organisation, and holds `scope`. */
export async function pluginStillAllowed(
  em: Em,
  keyId: string,
  organisationId: string,
  scope: string,
): Promise<boolean> {
  const rows = await em.getConnection().execute<{ ok: boolean }[]>(
    `select true as ok
       from plugin_api_key k
       join plugin p on p.id = k.plugin_id
       join plugin_enablement e on e.plugin_id = p.id and e.organisation_id = ? and e.enabled = true
      where k.id = ? and k.revoked_at is null and (k.expires_at is null or k.expires_at > now())
        and p.state = 'ACTIVE' and p.scopes::jsonb @> ?::jsonb`,
    [organisationId, keyId, JSON.stringify([scope])],
  );
  return rows.length > 0;
}
