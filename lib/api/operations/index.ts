import type { Operation } from "../../http/operation";
import { modules } from "../../modules/registry";
import { AUDIT_OPERATIONS } from "./audit";
import { ENTERPRISE_OPERATIONS } from "./enterprise";
import { SHARD_OPERATIONS } from "./shards";
import { SUPER_ADMIN_OPERATIONS } from "./super-admin";
import { SYSTEM_OPERATIONS } from "./system";

// Every HTTP operation the app serves: the control plane's (enterprise admins,
// super admins, probes) and each registered module's, in the order the OpenAPI
// document lists them.

const CONTROL_PLANE: readonly Operation[] = [...ENTERPRISE_OPERATIONS, ...SHARD_OPERATIONS, ...SUPER_ADMIN_OPERATIONS, ...AUDIT_OPERATIONS];

let cached: { modules: number; operations: readonly Operation[] } | undefined;

/** Built once, and again only when a module is registered (the router asks on every request). */
export function allOperations(): readonly Operation[] {
  const mods = modules();
  if (cached?.modules !== mods.length)
    cached = { modules: mods.length, operations: [...CONTROL_PLANE, ...mods.flatMap((m) => m.operations), ...SYSTEM_OPERATIONS] };
  return cached.operations;
}
