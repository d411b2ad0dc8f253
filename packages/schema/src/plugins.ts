/**
 * The plugin contract shared by the hub (which stores and enforces it) and the SDK (which helps a
 * vendor write it): scopes, event types, the manifest shape and its validation.
 */
import { isValidSnomedConceptId } from './identifiers/snomed.js';

/** The plugin contract version this release speaks. A manifest names the version it was written for. */
export const PLUGIN_SDK_CONTRACT_VERSION = '1';

/**
 * What a plugin may be granted. Each GraphQL field a plugin can call names the scope it needs;
 * every other field answers FORBIDDEN to a plugin, whatever it holds.
 */
export const PLUGIN_SCOPES = [
  /** Look up patients of the enabling organisation's PCN by NHS number. */
  'patients:read',
  /** Read consultations the plugin recorded. */
  'consultations:read',
  /** Record consultations (drafts) and save their versions. */
  'consultations:write',
  /** Add, amend and remove coded entries of the plugin's consultations. */
  'entries:write',
  /** Submit online consultations into an enabling organisation's inbox. */
  'inbox:submit',
  /** Read the write-back state of the plugin's entries and explain it. */
  'write-back:read',
  /** Receive events by webhook or subscription. */
  'events:read',
  /** Store inbound transport messages (e.g. MESH) with the hub before acknowledging them. */
  'messages:write',
  /** Report a receiving system's later acknowledgement of write-back the plugin carries for a practice. */
  'write-back:acknowledge',
  /**
   * Read the EPS messages of the enabling hub's prescriptions (they carry the patient's identity, as
   * EPS requires) and report what the EPS service answered to each.
   */
  'eps:send',
  /**
   * Read the replies staff send patients from an enabling organisation's online consultations (the
   * text and the patient's contact channel, to deliver them) and report their delivery status.
   */
  'patient-messages:send',
  /**
   * Scan the attachments of an enabling organisation's online consultations before staff may open
   * them: fetch each one's bytes while it is PENDING_SCAN and record the verdict (CLEAN or INFECTED).
   */
  'attachments:scan',
] as const;

/** One of {@link PLUGIN_SCOPES}. */
export type PluginScope = (typeof PLUGIN_SCOPES)[number];

/** True when `value` is one of {@link PLUGIN_SCOPES}. */
export function isPluginScope(value: unknown): value is PluginScope {
  return typeof value === 'string' && (PLUGIN_SCOPES as readonly string[]).includes(value);
}

/**
 * Event types a plugin can subscribe to, as `<family>.<TYPE>`. `inbox.*` events come from the
 * inbox of an organisation that enabled the plugin; `write-back.*` from write-back to it; `eps.*`
 * from the EPS outbox of a hub that enabled it (a message to send to EPS: read it with the
 * `eps:send` scope, then report the outcome).
 */
export const PLUGIN_EVENT_TYPES = [
  'inbox.CONSULTATION_ARRIVED',
  'inbox.PATIENT_MATCHED',
  'inbox.CLAIMED',
  'inbox.RELEASED',
  'inbox.LOCK_OVERRIDDEN',
  'inbox.SIGNPOSTED',
  'inbox.PASSED_BACK',
  'inbox.PULLED_TO_HUB',
  'inbox.COMPLETED',
  'inbox.CANCELLED',
  'inbox.REPLY_REQUESTED',
  'inbox.REPLY_STATUS_CHANGED',
  'inbox.ATTACHMENT_RECEIVED',
  'inbox.ATTACHMENT_SCANNED',
  'write-back.WRITE_BACK_PENDING',
  'write-back.WRITE_BACK_SENDING',
  'write-back.WRITE_BACK_DELIVERED',
  'write-back.WRITE_BACK_RETRYING',
  'write-back.WRITE_BACK_DEAD',
  'write-back.WRITE_BACK_DISCARDED',
  'write-back.WRITE_BACK_BLOCKED',
  'write-back.WRITE_BACK_NOT_REQUIRED',
  'eps.EPS_ORDER_REQUESTED',
  'eps.EPS_CANCEL_REQUESTED',
] as const;

/** One of {@link PLUGIN_EVENT_TYPES}. */
export type PluginEventType = (typeof PLUGIN_EVENT_TYPES)[number];

/** Event families: a manifest may ask for a whole family with `<family>.*`. */
export const PLUGIN_EVENT_FAMILIES = ['inbox', 'write-back', 'eps'] as const;

/** True when `pattern` (an event type or `<family>.*`) covers `eventType`. */
export function eventTypeMatches(pattern: string, eventType: string): boolean {
  if (pattern.endsWith('.*')) return eventType.startsWith(pattern.slice(0, -1));
  return pattern === eventType;
}

/** Consultation entry kinds a producer can declare. */
export const PLUGIN_ENTRY_KINDS = ['CODED', 'NOTE', 'MEDICATION', 'DOCUMENT'] as const;

/** A plugin's manifest: who it is, what it needs and what it produces. */
export interface PluginManifest {
  /** Stable id, 2-64 of a-z, 0-9, dot, hyphen, underscore; entries carry it as their source product. */
  readonly name: string;
  /** Human-readable name shown to organisation admins. */
  readonly displayName: string;
  readonly vendor: string;
  /** Semantic version of the plugin, e.g. `1.4.0`. */
  readonly version: string;
  /** The plugin contract version it was written for ({@link PLUGIN_SDK_CONTRACT_VERSION}). */
  readonly sdkContractVersion: string;
  readonly description: string;
  readonly scopes: readonly PluginScope[];
  /** SNOMED CT concept ids the plugin codes entries with (may be empty). */
  readonly producesCodes: readonly string[];
  /** Entry kinds it produces (may be empty). */
  readonly producesEntryKinds: readonly string[];
  /** Where events are POSTed; https, or http to a loopback address for local development. */
  readonly webhookUrl?: string | null;
  /** Event types (or `<family>.*`) it wants; needs the `events:read` scope and a webhook URL or a subscription. */
  readonly events: readonly string[];
}

/** One problem with a manifest: the field at fault and why. */
export interface ManifestIssue {
  readonly field: string;
  readonly message: string;
}

const NAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;
const SEMVER = /^\d{1,5}\.\d{1,5}\.\d{1,5}(?:-[0-9A-Za-z.-]{1,40})?$/;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Checks a webhook URL: https anywhere, plain http only to loopback (local development and tests). */
export function webhookUrlIssue(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not a URL';
  }
  if (parsed.username || parsed.password) return 'must not carry credentials';
  if (parsed.protocol === 'https:') return null;
  if (parsed.protocol === 'http:' && LOOPBACK.has(parsed.hostname)) return null;
  return 'must be https (plain http only to a loopback address)';
}

function text(value: unknown, field: string, max: number, issues: ManifestIssue[]): void {
  if (typeof value !== 'string' || value.trim() === '') issues.push({ field, message: 'is required' });
  else if (value.length > max) issues.push({ field, message: `is longer than ${max} characters` });
}

/**
 * Validates a manifest and returns every problem (empty when valid). The hub runs this on
 * registration; the SDK's `definePlugin` runs it too, so a vendor sees the same errors locally.
 */
export function validatePluginManifest(manifest: PluginManifest): ManifestIssue[] {
  const issues: ManifestIssue[] = [];
  if (!NAME.test(manifest.name))
    issues.push({ field: 'name', message: 'must be 2-64 of a-z, 0-9, dot, hyphen, underscore' });
  if (manifest.name === 'native') issues.push({ field: 'name', message: 'is reserved' });
  text(manifest.displayName, 'displayName', 100, issues);
  text(manifest.vendor, 'vendor', 100, issues);
  text(manifest.description, 'description', 2000, issues);
  if (!SEMVER.test(manifest.version))
    issues.push({ field: 'version', message: 'must be a semantic version such as 1.0.0' });
  if (manifest.sdkContractVersion !== PLUGIN_SDK_CONTRACT_VERSION) {
    issues.push({ field: 'sdkContractVersion', message: `must be ${PLUGIN_SDK_CONTRACT_VERSION}` });
  }
  if (manifest.scopes.length === 0) issues.push({ field: 'scopes', message: 'must name at least one scope' });
  manifest.scopes.forEach((scope, i) => {
    if (!isPluginScope(scope))
      issues.push({ field: `scopes[${i}]`, message: `is not a known scope (known: ${PLUGIN_SCOPES.join(', ')})` });
  });
  if (new Set(manifest.scopes).size !== manifest.scopes.length)
    issues.push({ field: 'scopes', message: 'lists a scope twice' });
  manifest.producesCodes.forEach((code, i) => {
    if (!isValidSnomedConceptId(code))
      issues.push({ field: `producesCodes[${i}]`, message: 'is not a valid SNOMED CT concept id' });
  });
  manifest.producesEntryKinds.forEach((kind, i) => {
    if (!(PLUGIN_ENTRY_KINDS as readonly string[]).includes(kind)) {
      issues.push({
        field: `producesEntryKinds[${i}]`,
        message: `is not an entry kind (${PLUGIN_ENTRY_KINDS.join(', ')})`,
      });
    }
  });
  if (manifest.webhookUrl != null) {
    const problem = webhookUrlIssue(manifest.webhookUrl);
    if (problem) issues.push({ field: 'webhookUrl', message: problem });
  }
  manifest.events.forEach((pattern, i) => {
    const family = pattern.endsWith('.*') ? pattern.slice(0, -2) : null;
    const known = family
      ? (PLUGIN_EVENT_FAMILIES as readonly string[]).includes(family)
      : (PLUGIN_EVENT_TYPES as readonly string[]).includes(pattern);
    if (!known) issues.push({ field: `events[${i}]`, message: 'is not a known event type or <family>.*' });
  });
  if (manifest.events.length > 0 && !manifest.scopes.includes('events:read')) {
    issues.push({ field: 'events', message: 'needs the events:read scope' });
  }
  return issues;
}
