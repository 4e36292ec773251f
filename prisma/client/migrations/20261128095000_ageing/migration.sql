-- Receivables and payables reports (ageing, customer statements): their permissions for the system roles of
-- existing tenants (as provisioning seeds them).
INSERT INTO "RolePermission" ("roleId", "permission")
SELECT r."id", p.permission
  FROM "Role" r
  CROSS JOIN (VALUES ('sales:reports:read'), ('purchases:reports:read')) AS p(permission)
 WHERE r."isSystem" AND r."name" IN ('Owner', 'Admin', 'Accountant', 'Viewer')
ON CONFLICT DO NOTHING;
