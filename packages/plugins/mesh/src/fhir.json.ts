/**
 * Minimal typed access to FHIR STU3 JSON held as plain objects: no FHIR library, just safe walking
 * of untrusted input and a few constants.
 */

/** A FHIR resource or element as a plain JSON object. */
export type FhirObject = Record<string, unknown>;

/** Identifier systems and code systems used by the ITK3 / GP Connect helpers. */
export const FHIR_SYSTEMS = {
  nhsNumber: 'https://fhir.nhs.uk/Id/nhs-number',
  odsOrganisation: 'https://fhir.nhs.uk/Id/ods-organization-code',
  odsSite: 'https://fhir.nhs.uk/Id/ods-site-code',
  sdsUser: 'https://fhir.nhs.uk/Id/sds-user-id',
  snomed: 'http://snomed.info/sct',
  uuid: 'https://tools.ietf.org/html/rfc4122',
  itkMessageEvent: 'https://fhir.nhs.uk/STU3/CodeSystem/ITK-MessageEvent-2',
  itkRecipientType: 'https://fhir.nhs.uk/STU3/CodeSystem/ITK-RecipientType-1',
  itkResponseCodes: 'https://fhir.nhs.uk/STU3/CodeSystem/ITK-ResponseCodes-1',
  itkMessageHandling: 'https://fhir.nhs.uk/STU3/StructureDefinition/Extension-ITK-MessageHandling-2',
} as const;

/** Whether a value is a JSON object (not null, not an array). */
export function isObject(value: unknown): value is FhirObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A non-empty trimmed string, or undefined. */
export function str(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** The objects of an array-valued property (non-objects are skipped). */
export function objects(value: unknown): FhirObject[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

/** A property that must be an object, or undefined. */
export function obj(value: unknown): FhirObject | undefined {
  return isObject(value) ? value : undefined;
}

/** The value of the identifier with this system in `resource.identifier` (array or single). */
export function identifierValue(resource: FhirObject | undefined, system: string): string | undefined {
  if (!resource) return undefined;
  const ids = Array.isArray(resource['identifier']) ? objects(resource['identifier']) : [obj(resource['identifier'])];
  for (const id of ids) if (id && str(id['system']) === system) return str(id['value']);
  return undefined;
}

/** The first identifier value whatever its system. */
export function anyIdentifierValue(resource: FhirObject | undefined): string | undefined {
  if (!resource) return undefined;
  const ids = Array.isArray(resource['identifier']) ? objects(resource['identifier']) : [obj(resource['identifier'])];
  for (const id of ids) {
    const value = id ? str(id['value']) : undefined;
    if (value !== undefined) return value;
  }
  return undefined;
}

/** Whether a CodeableConcept carries a coding with this system and code. */
export function hasCoding(concept: unknown, system: string, code: string): boolean {
  const c = obj(concept);
  return objects(c?.['coding']).some((coding) => str(coding['system']) === system && str(coding['code']) === code);
}

/** A `urn:uuid:` reference to a resource with this id. */
export function ref(id: string): { reference: string } {
  return { reference: `urn:uuid:${id}` };
}

/** A bundle entry for a resource, addressed by `urn:uuid:<id>`. */
export function entry(resource: FhirObject & { id: string }): FhirObject {
  return { fullUrl: `urn:uuid:${resource.id}`, resource };
}

/**
 * All resources of a bundle, descending into nested bundles (an ITK3 message bundle holds the
 * document bundle as an entry), each with the fullUrl it was listed under.
 */
export function bundleResources(
  bundle: FhirObject,
  depth = 0,
): { fullUrl: string | undefined; resource: FhirObject }[] {
  const out: { fullUrl: string | undefined; resource: FhirObject }[] = [];
  for (const e of objects(bundle['entry'])) {
    const resource = obj(e['resource']);
    if (!resource) continue;
    out.push({ fullUrl: str(e['fullUrl']), resource });
    if (resource['resourceType'] === 'Bundle' && depth < 3) out.push(...bundleResources(resource, depth + 1));
  }
  return out;
}

/** Resolves a Reference within bundle resources: by fullUrl, or by `Type/id`, or by `urn:uuid:id`. */
export function resolveReference(
  resources: { fullUrl: string | undefined; resource: FhirObject }[],
  reference: unknown,
): FhirObject | undefined {
  const target = str(obj(reference)?.['reference']);
  if (target === undefined) return undefined;
  for (const { fullUrl, resource } of resources) {
    if (fullUrl === target) return resource;
    const type = str(resource['resourceType']);
    const id = str(resource['id']);
    if (id === undefined) continue;
    if (target === `${type}/${id}` || target === `urn:uuid:${id}` || target.endsWith(`/${type}/${id}`)) return resource;
  }
  return undefined;
}

/** The resources of one type. */
export function ofType(resources: { resource: FhirObject }[], type: string): FhirObject[] {
  return resources.filter((r) => r.resource['resourceType'] === type).map((r) => r.resource);
}

/** The value of a sub-extension (by url) of an extension list, as raw JSON. */
export function subExtension(extensions: unknown, url: string): FhirObject | undefined {
  return objects(extensions).find((e) => str(e['url']) === url);
}
