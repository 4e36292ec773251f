-- Contacts (module contacts): customers and vendors; one contact can be both.

-- CreateTable
CREATE TABLE "Contact" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "taxId" TEXT,
    "billingAddress" TEXT,
    "isCustomer" BOOLEAN NOT NULL DEFAULT false,
    "isVendor" BOOLEAN NOT NULL DEFAULT false,
    "paymentTermsDays" INTEGER NOT NULL DEFAULT 30,
    "incomeAccountId" UUID,
    "expenseAccountId" UUID,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Contact_pkey" PRIMARY KEY ("id"),
    -- A contact is a customer, a vendor, or both.
    CONSTRAINT "Contact_role_check" CHECK ("isCustomer" OR "isVendor"),
    CONSTRAINT "Contact_paymentTermsDays_check" CHECK ("paymentTermsDays" BETWEEN 0 AND 365)
);

-- CreateIndex
CREATE INDEX "Contact_name_idx" ON "Contact"("name");

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_incomeAccountId_fkey" FOREIGN KEY ("incomeAccountId") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_expenseAccountId_fkey" FOREIGN KEY ("expenseAccountId") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The system roles of tenants provisioned before this module get its permissions, as provisioning
-- seeds them today (lib/modules/core/rbac/system-roles.ts): Owner, Admin and Accountant all, Viewer the reads.
INSERT INTO "RolePermission" ("roleId", "permission")
SELECT r."id", p.permission
  FROM "Role" r
  CROSS JOIN (VALUES ('contacts:contacts:read'), ('contacts:contacts:write')) AS p(permission)
 WHERE r."isSystem" AND (r."name" IN ('Owner', 'Admin', 'Accountant') OR (r."name" = 'Viewer' AND p.permission LIKE '%:read'))
ON CONFLICT DO NOTHING;
