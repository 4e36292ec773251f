import type { Operation } from "../http/operation";

// What a module declares about itself, once (docs/modules.md). Everything else
// — API routes, guards, the OpenAPI document, the authorization matrix, the
// module catalogue and the app's navigation — is derived from these manifests.

/** Icon names the app shell knows how to draw (components/ui/icon.tsx maps them). */
export type IconName = "home" | "users" | "shield" | "audit" | "book" | "list" | "scale" | "chart" | "sheet" | "box" | "settings" | "server" | "building";

export interface NavItem {
  label: string;
  /** The path on the tenant's host (tenant navigation) or on the apex host (admin navigation). */
  path: string;
  icon: IconName;
  /** Shown only to users holding this permission; absent: everyone in the tenant. */
  permission?: string;
  /** One line for the home page's cards. */
  description?: string;
}

export interface ModuleManifest<P extends string = string> {
  key: string;
  name: string;
  description: string;
  /** Every permission the module brings, `<module>:<resource>:<action>`, with a label a person reads. */
  permissions: Readonly<Record<P, string>>;
  /** The module's section of the tenant app's navigation. */
  navigation: readonly NavItem[];
  /** Its HTTP operations; each one is the route, its guard and its OpenAPI entry. */
  operations: readonly Operation[];
  /** Core: every tenant has it, whatever its client record says. */
  alwaysOn?: true;
}

/**
 * Declares a module. `P` ties each navigation item's permission to the module's own list (checked by
 * the compiler); each operation's permission is checked here, when the module loads.
 */
export function defineModule<const P extends string>(
  m: Omit<ModuleManifest<P>, "navigation"> & {
    navigation: readonly (NavItem & { permission?: NoInfer<P> })[];
  },
): ModuleManifest<P> {
  for (const p of Object.keys(m.permissions)) {
    if (!p.startsWith(`${m.key}:`)) throw new Error(`module ${m.key}: permission ${p} must start with "${m.key}:"`);
  }
  for (const op of m.operations) {
    if (op.permission && !(op.permission in m.permissions))
      throw new Error(`module ${m.key}: ${op.method} ${op.path} needs ${op.permission}, which the module does not declare`);
  }
  return m;
}
