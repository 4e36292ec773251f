import { modules, tenantModules } from "./registry";
import type { IconName, NavItem } from "./types";

// The app shell's navigation, derived from the module manifests: a tenant user
// sees the sections of the tenant's modules, each item filtered by permission.

export interface NavSection {
  /** The module's key. */
  key: string;
  label: string;
  items: NavItem[];
}

export function tenantNavigation(tenantModuleKeys: readonly string[], permissions: ReadonlySet<string>): NavSection[] {
  const enabled = new Set(tenantModules(tenantModuleKeys).map((m) => m.key));
  return modules()
    .filter((m) => enabled.has(m.key))
    .map((m) => ({ key: m.key, label: m.name, items: m.navigation.filter((i) => !i.permission || permissions.has(i.permission)) }))
    .filter((s) => s.items.length > 0);
}

/**
 * The permission a tenant page needs: the one its navigation item declares (a page's gate comes from the same
 * manifest entry as its link; an item without one is open to every signed-in user of the tenant). A path that
 * is no navigation item is a programming error: a typo must not open a page.
 */
export function pagePermission(path: string): string | undefined {
  for (const m of modules()) for (const item of m.navigation) if (item.path === path) return item.permission;
  throw new Error(`${path} is no navigation item of any module: gate the page with its item's path, or null for any signed-in user`);
}

export type AdminKind = "enterprise-admin" | "super-admin";

const ADMIN_NAVIGATION: readonly (NavItem & { kinds: readonly AdminKind[] })[] = [
  { label: "Clients", path: "/admin", icon: "building", kinds: ["enterprise-admin", "super-admin"], description: "Tenants: create, suspend, archive, assign." },
  { label: "Super admins", path: "/admin/super-admins", icon: "shield", kinds: ["enterprise-admin"], description: "Who manages which clients." },
  { label: "Modules", path: "/admin/modules", icon: "box", kinds: ["enterprise-admin"], description: "The module catalogue." },
  { label: "Shards", path: "/admin/shards", icon: "server", kinds: ["enterprise-admin"], description: "The PostgreSQL servers tenants live on." },
  { label: "Audit log", path: "/admin/audit", icon: "audit", kinds: ["enterprise-admin"], description: "Every platform action, hash-chained." },
];

/** The admin console's navigation for an enterprise admin or (a narrower set) a super admin. */
export function adminNavigation(kind: AdminKind): NavItem[] {
  return ADMIN_NAVIGATION.filter((i) => i.kinds.includes(kind)).map(({ kinds: _kinds, ...item }) => item);
}

export type { IconName, NavItem };
