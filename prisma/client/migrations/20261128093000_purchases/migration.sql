-- Purchases module: vendor bills share the Invoice tables (direction PURCHASE). A bill's vendor reference is
-- looked up per vendor to warn of duplicates.

-- CreateIndex
CREATE INDEX "Invoice_contactId_vendorReference_idx" ON "Invoice"("contactId", lower("vendorReference")) WHERE "vendorReference" IS NOT NULL;

-- System roles of existing tenants get the module's permissions (as provisioning seeds them).
INSERT INTO "RolePermission" ("roleId", "permission")
SELECT r."id", p.permission
  FROM "Role" r
  CROSS JOIN (VALUES ('purchases:bills:read'), ('purchases:bills:write'), ('purchases:bills:issue'), ('purchases:settings:write')) AS p(permission)
 WHERE r."isSystem" AND (r."name" IN ('Owner', 'Admin', 'Accountant') OR (r."name" = 'Viewer' AND p.permission LIKE '%:read'))
ON CONFLICT DO NOTHING;
