import { afterAll, expect, inject, it } from "vitest";
import { GENERATED_SECRET_SCRAM_ITERATIONS } from "@/lib/crypto/scram";
import { withTenantDb } from "@/lib/tenancy/connections";
import { getTenant } from "@/lib/tenancy/registry";
import { createTenant, destroyTenants } from "@/tests/factories/tenant";
import { adminQuery } from "../helpers/databases";

// A tenant role's password is a generated 256-bit secret, so its SCRAM verifier is stored with few PBKDF2
// iterations (docs/provisioning.md): PostgreSQL sends that count to the client, and the tenant still connects.

const adminUrl = inject("pgAdminUrl");
afterAll(() => destroyTenants());

it("a provisioned tenant role has a low-iteration verifier, and its pool connects with it", async () => {
  const created = await createTenant({ adminPassword: null });
  const tenant = (await getTenant(created.id))!;
  const r = await adminQuery(adminUrl, "SELECT rolpassword FROM pg_authid WHERE rolname = $1", [tenant.dbName]);
  expect(String(r.rows[0]!.rolpassword)).toMatch(new RegExp(`^SCRAM-SHA-256\\$${GENERATED_SECRET_SCRAM_ITERATIONS}:`));
  expect(await withTenantDb(tenant, (db) => db.user.count())).toBeGreaterThanOrEqual(0);
});
