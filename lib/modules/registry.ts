import { core } from "./core/module";
import { ledger } from "./ledger/module";
import { contacts } from "./contacts/module";
import { catalogue } from "./catalogue/module";
import { sales } from "./sales/module";
import { purchases } from "./purchases/module";
import { payments } from "./payments/module";
import type { ModuleManifest } from "./types";

// The modules of the product, in the order the app's navigation shows them.
// Adding a module: its folder, and one line here (docs/modules.md).

const BUILT_IN = [core, ledger, contacts, catalogue, sales, purchases, payments] as const;

type PermissionOf<M> = M extends ModuleManifest<infer P> ? P : never;

/** A permission of a built-in module (tests may register more; at run time permissions are strings). */
export type Permission = PermissionOf<(typeof BUILT_IN)[number]>;
export type ModuleKey = (typeof BUILT_IN)[number]["key"];

const registered: ModuleManifest[] = [...BUILT_IN];

/** Every module, built-in and registered. */
export function modules(): readonly ModuleManifest[] {
  return registered;
}

export function findModule(key: string): ModuleManifest | undefined {
  return registered.find((m) => m.key === key);
}

/** Every permission of every module. */
export function allPermissions(): string[] {
  return registered.flatMap((m) => Object.keys(m.permissions));
}

/** Keys of the modules every tenant has (core). */
export function alwaysOnModules(): string[] {
  return registered.filter((m) => m.alwaysOn).map((m) => m.key);
}

/** The modules a tenant has: what its record lists (known keys only) plus the always-on ones. */
export function tenantModules(keys: readonly string[]): ModuleManifest[] {
  return registered.filter((m) => m.alwaysOn || keys.includes(m.key));
}

/**
 * Adds a module at run time. For the test suite's example module (tests/modules/example):
 * the product's own modules are listed above.
 */
export function registerModule(m: ModuleManifest): void {
  const same = registered.find((r) => r.key === m.key);
  if (same === m) return;
  if (same) throw new Error(`another module with the key ${m.key} is registered already`);
  registered.push(m);
}
