import { validatePluginManifest, type PluginManifest, type PluginScope } from '@pcn-hub/schema';
import { PluginErrors } from './plugins.errors.js';

/** The manifest as the GraphQL input carries it. */
export interface ManifestInput {
  name: string;
  displayName: string;
  vendor: string;
  version: string;
  sdkContractVersion: string;
  description: string;
  scopes: string[];
  producesCodes?: string[] | null;
  producesEntryKinds?: string[] | null;
  webhookUrl?: string | null;
  events?: string[] | null;
}

/** Normalises and validates; every problem is reported at once with the field at fault. */
export function checkedManifest(input: ManifestInput, prefix = 'input.manifest'): PluginManifest {
  const manifest: PluginManifest = {
    name: input.name.trim(),
    displayName: input.displayName.trim(),
    vendor: input.vendor.trim(),
    version: input.version.trim(),
    sdkContractVersion: input.sdkContractVersion.trim(),
    description: input.description.trim(),
    scopes: input.scopes.map((s) => s.trim()) as PluginScope[],
    producesCodes: input.producesCodes ?? [],
    producesEntryKinds: input.producesEntryKinds ?? [],
    webhookUrl: input.webhookUrl?.trim() || null,
    events: input.events ?? [],
  };
  const issues = validatePluginManifest(manifest);
  if (issues.length > 0) throw PluginErrors.badManifest(issues, prefix);
  return manifest;
}

/** Scopes the new manifest asks for that the approved one did not grant. */
export function addedScopes(approved: readonly string[], requested: readonly string[]): string[] {
  return requested.filter((scope) => !approved.includes(scope));
}
