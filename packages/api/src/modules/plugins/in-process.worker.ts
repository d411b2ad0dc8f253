import { validatePluginManifest, type PluginManifest } from '@pcn-hub/schema';
import type { Em, Orm } from '../../platform/db/orm.js';
import { uuidv7 } from '../../platform/ids.js';
import { newSigningSecret } from '../../platform/webhooks/standard-webhooks.js';
import { exec } from '../../platform/db/sql.js';

/** The event an in-process plugin receives: the webhook body, parsed and frozen. Ids and codes only. */
export interface InProcessPluginEvent {
  readonly id: string;
  readonly type: string;
  readonly occurredAt: string;
  readonly organisation: { readonly id: string; readonly odsCode: string };
  readonly subject: { readonly type: string; readonly id: string };
  readonly data: Readonly<Record<string, unknown>>;
}

/**
 * A first-party plugin that runs inside the hub's processes. It is registered by code at boot,
 * never through the API (third parties cannot claim an in-process address), and it gets domain
 * events only after commit, from the same queue as webhooks (retries, dead letters, access
 * re-checked per event): never the ORM, never inside a clinical transaction.
 */
export interface InProcessPlugin {
  readonly manifest: PluginManifest;
  /** Handles one event; a throw or a timeout is a failed attempt, retried with backoff. */
  handle(event: InProcessPluginEvent, signal: AbortSignal): Promise<void>;
}

/** Where an in-process plugin's events are addressed, in place of a webhook URL. */
export const inProcessAddress = (name: string): string => `inproc://${name}`;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** The handlers loaded in this process, by plugin name. */
export class InProcessPlugins {
  private readonly byName = new Map<string, InProcessPlugin>();

  constructor(plugins: readonly InProcessPlugin[] = []) {
    for (const plugin of plugins) {
      const issues = validatePluginManifest(plugin.manifest);
      if (issues.length > 0)
        throw new Error(
          `In-process plugin ${plugin.manifest.name}: ${issues.map((i) => `${i.field} ${i.message}`).join('; ')}`,
        );
      this.byName.set(plugin.manifest.name, plugin);
    }
  }

  get size(): number {
    return this.byName.size;
  }

  /** Runs the plugin's handler on a frozen copy of the event, bounded by `timeoutMs`. */
  async deliver(address: string, body: string, timeoutMs: number, stop: AbortSignal): Promise<void> {
    const plugin = this.byName.get(address.slice('inproc://'.length));
    if (!plugin)
      throw Object.assign(new Error('in-process plugin not loaded in this process'), { name: 'PluginNotLoaded' });
    const event = deepFreeze(JSON.parse(body) as InProcessPluginEvent);
    const signal = AbortSignal.any([AbortSignal.timeout(timeoutMs), stop]);
    await new Promise<void>((resolve, reject) => {
      const onAbort = () => reject(Object.assign(new Error('in-process plugin timed out'), { name: 'TimeoutError' }));
      signal.addEventListener('abort', onAbort, { once: true });
      // A plugin's own failure must never escape into the worker: it is one failed attempt.
      Promise.resolve()
        .then(() => plugin.handle(event, signal))
        .then(resolve, (error: unknown) =>
          reject(error instanceof Error ? error : new Error('in-process plugin failed')),
        )
        .finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  /**
   * Makes sure each plugin has its registration row in `pcnId` (first version approved, events
   * addressed in-process). Organisations still enable it themselves, as for any plugin.
   */
  async install(orm: Orm, pcnId: string): Promise<void> {
    for (const { manifest } of this.byName.values()) {
      await orm.em.fork().transactional(async (em: Em) => {
        const id = uuidv7();
        const inserted = await exec<{ id: string }>(
          em,
          `insert into plugin (id, pcn_id, name, display_name, vendor, state, approved_version, scopes, events, webhook_url, registered_by, revision, created_at, updated_at)
           values (?, ?, ?, ?, ?, 'ACTIVE', 1, ?, ?, ?, 'in-process', 1, now(), now())
           on conflict (name) do update set scopes = excluded.scopes, events = excluded.events, webhook_url = excluded.webhook_url
           returning id`,
          [
            id,
            pcnId,
            manifest.name,
            manifest.displayName,
            manifest.vendor,
            JSON.stringify(manifest.scopes),
            JSON.stringify(manifest.events),
            inProcessAddress(manifest.name),
          ],
        );
        const pluginId = inserted[0]!.id;
        await exec(
          em,
          `insert into plugin_manifest_version (id, plugin_id, number, manifest, state, submitted_by, submitted_at, decided_by, decided_at)
           select ?, ?, 1, ?, 'APPROVED', 'in-process', now(), 'in-process', now()
           where not exists (select 1 from plugin_manifest_version where plugin_id = ?)`,
          [uuidv7(), pluginId, JSON.stringify(manifest), pluginId],
        );
        await exec(
          em,
          `insert into plugin_webhook_secret (id, plugin_id, secret, created_at)
           select ?, ?, ?, now() where not exists (select 1 from plugin_webhook_secret where plugin_id = ?)`,
          [uuidv7(), pluginId, newSigningSecret(), pluginId],
        );
      });
    }
  }
}
