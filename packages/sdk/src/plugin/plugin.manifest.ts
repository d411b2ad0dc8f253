import {
  PLUGIN_SDK_CONTRACT_VERSION,
  validatePluginManifest,
  type ManifestIssue,
  type PluginManifest,
} from '@pcn-hub/schema';

/**
 * What a vendor writes: a {@link PluginManifest} whose list fields may be left out (they default
 * to empty) and whose `sdkContractVersion` defaults to the version this SDK speaks.
 */
export type DefinePluginInput = Omit<
  PluginManifest,
  'sdkContractVersion' | 'producesCodes' | 'producesEntryKinds' | 'events'
> &
  Partial<Pick<PluginManifest, 'sdkContractVersion' | 'producesCodes' | 'producesEntryKinds' | 'events'>>;

/** A manifest with problems; `issues` lists each field at fault and why (the hub's registration gives the same). */
export class PluginManifestError extends Error {
  /** Every problem found, e.g. `{ field: 'scopes[1]', message: 'is not a known scope (...)' }`. */
  readonly issues: readonly ManifestIssue[];

  /** Builds the error from the issues found (at least one). */
  constructor(issues: readonly ManifestIssue[]) {
    super(`Invalid plugin manifest: ${issues.map((issue) => `${issue.field} ${issue.message}`).join('; ')}`);
    this.name = 'PluginManifestError';
    this.issues = issues;
  }
}

const LIST_FIELDS = ['scopes', 'producesCodes', 'producesEntryKinds', 'events'] as const;

/** Shape problems the shared validator assumes away (it is typed; a JavaScript caller may pass anything). */
function shapeIssues(manifest: Record<string, unknown>): ManifestIssue[] {
  const issues: ManifestIssue[] = [];
  for (const field of LIST_FIELDS) {
    const value = manifest[field];
    if (!Array.isArray(value)) issues.push({ field, message: 'must be a list' });
    else
      value.forEach(
        (item, i) => typeof item !== 'string' && issues.push({ field: `${field}[${i}]`, message: 'must be a string' }),
      );
  }
  for (const field of ['name', 'version', 'sdkContractVersion'] as const) {
    if (typeof manifest[field] !== 'string') issues.push({ field, message: 'is required' });
  }
  if (manifest.webhookUrl != null && typeof manifest.webhookUrl !== 'string')
    issues.push({ field: 'webhookUrl', message: 'must be a string' });
  return issues;
}

function freeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) freeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * Declares a plugin: fills in defaults, validates the manifest exactly as the hub will on
 * registration, and returns it complete and deeply frozen. Throws {@link PluginManifestError}
 * listing every problem.
 *
 * @example
 * ```ts
 * export const manifest = definePlugin({
 *   name: 'acme.triage',
 *   displayName: 'Acme Triage',
 *   vendor: 'Acme Health Ltd',
 *   version: '1.0.0',
 *   description: 'Suggests a triage outcome for arriving online consultations.',
 *   scopes: ['events:read', 'consultations:write'],
 *   events: ['inbox.CONSULTATION_ARRIVED'],
 *   webhookUrl: 'https://acme.example/pcn-hub/webhook',
 * });
 * ```
 */
export function definePlugin<const TManifest extends DefinePluginInput>(
  manifest: TManifest,
): Readonly<
  TManifest & Pick<PluginManifest, 'sdkContractVersion' | 'producesCodes' | 'producesEntryKinds' | 'events'>
> {
  if (typeof manifest !== 'object' || (manifest as unknown) === null)
    throw new PluginManifestError([{ field: '(manifest)', message: 'must be an object' }]);
  const complete = {
    ...manifest,
    sdkContractVersion: manifest.sdkContractVersion ?? PLUGIN_SDK_CONTRACT_VERSION,
    producesCodes: [...(manifest.producesCodes ?? [])],
    producesEntryKinds: [...(manifest.producesEntryKinds ?? [])],
    events: [...(manifest.events ?? [])],
    scopes: Array.isArray(manifest.scopes) ? [...(manifest.scopes as readonly unknown[])] : manifest.scopes,
  } as PluginManifest;
  const shape = shapeIssues(complete as unknown as Record<string, unknown>);
  const issues = shape.length > 0 ? shape : validatePluginManifest(complete);
  if (issues.length > 0) throw new PluginManifestError(issues);
  return freeze(complete) as never;
}
