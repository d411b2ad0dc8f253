import type { PluginScope } from '@pcn-hub/schema';

/** `SELF`: any plugin, acting on its own registration (its manifest, its deliveries). */
export type PluginAccess = PluginScope | 'SELF';

const FIELD_ACCESS = new Map<string, PluginAccess>();

/**
 * Opens a root field to plugins holding `scope`. Plugins are denied every field without one,
 * whatever roles the field allows (deny by default). The key is the resolver method's name, which
 * is the schema field's name throughout the API (asserted when the schema is built).
 */
export function PluginScope(scope: PluginAccess): MethodDecorator {
  return (_target, propertyKey) => {
    FIELD_ACCESS.set(String(propertyKey), scope);
  };
}

/** The scope a root field asks of plugins, or undefined when plugins may not use it. */
export function pluginAccessOf(fieldName: string): PluginAccess | undefined {
  return FIELD_ACCESS.get(fieldName);
}

/** Every field opened to plugins, for the boot-time check and documentation. */
export function pluginFields(): ReadonlyMap<string, PluginAccess> {
  return FIELD_ACCESS;
}
