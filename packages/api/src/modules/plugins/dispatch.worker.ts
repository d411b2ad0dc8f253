import { eventTypeMatches } from '@pcn-hub/schema';
import type { Em, Orm } from '../../platform/db/orm.js';
import { exec } from '../../platform/db/sql.js';
import { uuidv7 } from '../../platform/ids.js';

/** Streams whose events plugins can receive: `<family>:<organisation id>`. */
export const PLUGIN_STREAM_FAMILIES = ['inbox', 'write-back', 'eps'] as const;

interface Subscriber {
  readonly pluginId: string;
  readonly patterns: readonly string[];
  /** Events before the enablement are not the plugin's to see. */
  readonly since: Date;
}

interface HeadRow {
  stream: string;
  seq: string | number;
  done: string | number;
}

interface EventRow {
  id: string | number;
  seq: string | number;
  type: string;
  created_at: Date | string;
}

/** The family and organisation of a stream, or null for streams plugins never see. */
export function streamOwner(stream: string): { family: string; organisationId: string } | null {
  const at = stream.indexOf(':');
  if (at < 0) return null;
  const family = stream.slice(0, at);
  return (PLUGIN_STREAM_FAMILIES as readonly string[]).includes(family)
    ? { family, organisationId: stream.slice(at + 1) }
    : null;
}

async function subscribers(em: Em): Promise<Map<string, Subscriber[]>> {
  const rows = await exec<{
    plugin_id: string;
    events: string[] | string;
    organisation_id: string;
    changed_at: Date | string;
  }>(
    em,
    `select p.id as plugin_id, p.events, e.organisation_id, e.changed_at
       from plugin p join plugin_enablement e on e.plugin_id = p.id
      where p.state = 'ACTIVE' and e.enabled = true and p.webhook_url is not null
        and p.scopes::jsonb @> '["events:read"]'::jsonb`,
  );
  const byOrg = new Map<string, Subscriber[]>();
  for (const row of rows) {
    const patterns = typeof row.events === 'string' ? (JSON.parse(row.events) as string[]) : row.events;
    if (patterns.length === 0) continue;
    const list = byOrg.get(row.organisation_id) ?? [];
    list.push({ pluginId: row.plugin_id, patterns, since: new Date(row.changed_at) });
    byOrg.set(row.organisation_id, list);
  }
  return byOrg;
}

/**
 * Turns new events of plugin-visible streams into webhook deliveries. Reads each stream from its
 * cursor to its head (per-stream seqs are gap-free and a committed head means every lower seq has
 * committed, so nothing is skipped), inserts one delivery per matching plugin, and advances the
 * cursor in the same transaction. Safe to run in several processes: deliveries are unique per
 * (plugin, event) and the cursor only moves forward. Returns how many deliveries it queued.
 */
export async function dispatchPluginEvents(orm: Orm, batch = 500): Promise<number> {
  const em = orm.em.fork();
  const byOrg = await subscribers(em);
  const heads = await exec<HeadRow>(
    em,
    `select h.stream, h.seq, coalesce(c.seq, 0) as done
       from stream_head h left join plugin_stream_cursor c on c.stream = h.stream
      where h.seq > coalesce(c.seq, 0) and (${PLUGIN_STREAM_FAMILIES.map(() => 'h.stream like ?').join(' or ')})
      order by h.stream limit 200`,
    PLUGIN_STREAM_FAMILIES.map((f) => `${f}:%`),
  );
  let queued = 0;
  for (const head of heads) {
    const owner = streamOwner(head.stream)!;
    const subs = byOrg.get(owner.organisationId) ?? [];
    const done = Number(head.done);
    const upTo = Math.min(Number(head.seq), done + batch);
    queued += await orm.em.fork().transactional(async (tx) => {
      let count = 0;
      if (subs.length > 0) {
        const events = await exec<EventRow>(
          tx,
          'select id, seq, type, created_at from event_log where stream = ? and seq > ? and seq <= ? order by seq',
          [head.stream, done, upTo],
        );
        const values: unknown[] = [];
        const tuples: string[] = [];
        for (const event of events) {
          const type = `${owner.family}.${event.type}`;
          for (const sub of subs) {
            if (new Date(event.created_at) < sub.since) continue;
            if (!sub.patterns.some((p) => eventTypeMatches(p, type))) continue;
            tuples.push("(?, ?, ?, ?, ?, 'PENDING', 0, now(), now())");
            values.push(uuidv7(), sub.pluginId, owner.organisationId, Number(event.id), type);
          }
        }
        if (tuples.length > 0) {
          const inserted = await exec<{ id: string }>(
            tx,
            `insert into plugin_webhook_delivery
               (id, plugin_id, organisation_id, event_id, event_type, state, attempts, next_attempt_at, created_at)
             values ${tuples.join(', ')}
             on conflict (plugin_id, event_id) do nothing returning id`,
            values,
          );
          count = inserted.length;
        }
      }
      await exec(
        tx,
        `insert into plugin_stream_cursor (stream, seq) values (?, ?)
         on conflict (stream) do update set seq = greatest(plugin_stream_cursor.seq, excluded.seq)`,
        [head.stream, upTo],
      );
      return count;
    });
  }
  return queued;
}

/**
 * Whether an active plugin enabled for `organisationId` holds `scope` and `events:read` and
 * subscribes to `eventType` by webhook: e.g. a virus scanner for `inbox.ATTACHMENT_RECEIVED`.
 */
export async function pluginSubscribed(
  em: Em,
  organisationId: string,
  scope: string,
  eventType: string,
): Promise<boolean> {
  const rows = await exec<{ events: string[] | string }>(
    em,
    `select p.events from plugin p join plugin_enablement e on e.plugin_id = p.id
      where e.organisation_id = ? and e.enabled = true and p.state = 'ACTIVE' and p.webhook_url is not null
        and p.scopes::jsonb @> ?::jsonb`,
    [organisationId, JSON.stringify([scope, 'events:read'])],
  );
  return rows.some((row) => {
    const patterns = typeof row.events === 'string' ? (JSON.parse(row.events) as string[]) : row.events;
    return patterns.some((pattern) => eventTypeMatches(pattern, eventType));
  });
}
