import type { AuthenticatedContext } from '../../platform/context.js';
import { redriveRows } from '../../platform/delivery/index.js';
import { keyset } from '../../platform/graphql/keyset.js';
import { runIdempotent } from '../../platform/idempotency/index.js';
import type { WebhookDeliveryState } from './plugins.codes.js';
import { PluginWebhookDelivery } from './plugin-webhook.entity.js';
import { PluginErrors } from './plugins.errors.js';
import { PluginService } from './plugins.service.js';
import { PLUGIN_WEBHOOK_TABLE } from './webhooks.worker.js';

/** Deliveries, newest first. */
const DELIVERY_PAGE = keyset<PluginWebhookDelivery>(
  [
    { property: 'createdAt', part: 'time', of: (d) => d.createdAt.toISOString() },
    { property: 'id', part: 'uuid', of: (d) => d.id },
  ],
  'desc',
);
export const deliveryCursor = DELIVERY_PAGE.cursorOf;

/** Webhook deliveries of one plugin: the dead-letter view and redrive. */
export class PluginDeliveryService {
  private readonly plugins: PluginService;

  constructor(private readonly ctx: AuthenticatedContext) {
    this.plugins = new PluginService(ctx);
  }

  async page(
    pluginId: string,
    state: WebhookDeliveryState | null,
    limit: number,
    after: string | null,
  ): Promise<PluginWebhookDelivery[]> {
    const plugin = await this.plugins.visible(pluginId, 'pluginId');
    const where: Record<string, unknown> = { plugin: plugin.id };
    if (state) where.state = state;
    Object.assign(where, DELIVERY_PAGE.after(after));
    return this.ctx.em.find(PluginWebhookDelivery, where, { orderBy: DELIVERY_PAGE.orderBy, limit: limit + 1 });
  }

  /** A DEAD or WITHHELD delivery goes back to PENDING with a fresh attempt budget; the worker re-checks access before sending. */
  async redrive(id: string, idempotencyKey?: string | null): Promise<PluginWebhookDelivery> {
    const request = {
      actorId: this.ctx.actor.id,
      key: idempotencyKey,
      operation: 'redrivePluginWebhookDelivery',
      input: { id },
    };
    const { result } = await runIdempotent(
      this.ctx.em,
      request,
      async (em) => {
        const delivery = await em.findOne(PluginWebhookDelivery, { id });
        if (!delivery) throw PluginErrors.deliveryNotFound(id);
        await this.plugins.visible(delivery.plugin.id, 'input.deliveryId', em).catch(() => {
          throw PluginErrors.deliveryNotFound(id);
        });
        if (delivery.state !== 'DEAD' && delivery.state !== 'WITHHELD')
          throw PluginErrors.notRedrivable(id, delivery.state);
        await redriveRows(em, PLUGIN_WEBHOOK_TABLE, [id], { from: ['DEAD', 'WITHHELD'] });
        this.ctx.audit.record(em, {
          action: 'redrivePluginWebhookDelivery',
          subjectType: 'PluginWebhookDelivery',
          subjectId: id,
        });
        return em.findOneOrFail(PluginWebhookDelivery, { id }, { refresh: true });
      },
      { resultId: (d) => d.id, replay: (rid) => this.ctx.em.fork().findOneOrFail(PluginWebhookDelivery, { id: rid }) },
    );
    return result;
  }
}
