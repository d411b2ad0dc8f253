import type { ManifestIssue } from '@pcn-hub/schema';
import { Errors, HubError } from '../../platform/errors.js';

/** Situation-named errors of the plugin platform. */
export const PluginErrors = {
  badManifest: (issues: readonly ManifestIssue[], prefix = 'input.manifest') =>
    new HubError(
      'BAD_USER_INPUT',
      `Manifest is not valid: ${issues.map((i) => `${i.field} ${i.message}`).join('; ')}`,
      {
        field: `${prefix}.${issues[0]!.field}`,
        issues: issues.map((i) => ({ field: `${prefix}.${i.field}`, message: i.message })),
      },
    ),
  nameTaken: (name: string) =>
    new HubError('CONFLICT', `A plugin named ${name} is already registered`, { field: 'input.manifest.name' }),
  renamed: () => Errors.badInput('input.manifest.name', 'A new manifest version keeps the plugin name'),
  versionReused: (version: string) =>
    new HubError('CONFLICT', `Manifest version ${version} was submitted before; bump the version`, {
      field: 'input.manifest.version',
    }),
  notFound: (id: string, field = 'input.pluginId') =>
    new HubError('NOT_FOUND', `Plugin ${id} not found`, { id, field }),
  keyNotFound: (id: string, field = 'input.keyId') =>
    new HubError('NOT_FOUND', `API key ${id} not found`, { id, field }),
  keyNotLive: (id: string) =>
    new HubError('CONFLICT', `API key ${id} is already revoked or rotated`, { id, field: 'input.keyId' }),
  manifestNotPending: (plugin: string, number: number) =>
    Errors.invalidTransition('PluginManifestVersion', `${plugin}#${number}`, 'NOT_PENDING', 'APPROVED'),
  manifestNotFound: (number: number) =>
    new HubError('NOT_FOUND', `Manifest version ${number} not found`, { field: 'input.number' }),
  cannotEnable: (kind: string) =>
    Errors.forbidden(`A ${kind} cannot enable plugins; hub and practice admins enable them for their organisation`),
  badOverlap: (field: string) => Errors.badInput(field, 'overlapMinutes must be 0-10080 (7 days)'),
  badLabel: () => Errors.badInput('input.label', 'label must be 1-100 characters'),
  deliveryNotFound: (id: string) =>
    new HubError('NOT_FOUND', `Webhook delivery ${id} not found`, { id, field: 'input.deliveryId' }),
  notRedrivable: (id: string, state: string) => Errors.invalidTransition('PluginWebhookDelivery', id, state, 'PENDING'),
  wrongSourceProduct: () =>
    Errors.badInput('input.sourceProduct', 'A plugin records consultations under its own name only'),
  missingScope: (scope: string, field: string) => new HubError('FORBIDDEN', `This needs the ${scope} scope`, { field }),
};
