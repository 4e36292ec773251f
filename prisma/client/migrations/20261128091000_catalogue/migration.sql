-- Catalogue module: tax rates and products/services.

-- CreateEnum
CREATE TYPE "ProductKind" AS ENUM ('PRODUCT', 'SERVICE');

-- CreateTable
CREATE TABLE "Tax" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "rate" DECIMAL(7,4) NOT NULL,
    "isInclusive" BOOLEAN NOT NULL DEFAULT false,
    "accountId" UUID NOT NULL,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Tax_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Tax_rate_check" CHECK ("rate" >= 0 AND "rate" <= 100)
);

-- CreateTable
CREATE TABLE "Product" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "ProductKind" NOT NULL DEFAULT 'SERVICE',
    "unit" TEXT NOT NULL DEFAULT 'pcs',
    "unitPrice" DECIMAL(19,4) NOT NULL DEFAULT 0,
    "incomeAccountId" UUID,
    "expenseAccountId" UUID,
    "taxId" UUID,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Product_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Product_unitPrice_check" CHECK ("unitPrice" >= 0)
);

-- CreateIndex
CREATE UNIQUE INDEX "Tax_name_key" ON "Tax"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Product_code_key" ON "Product"("code");

-- CreateIndex
CREATE INDEX "Product_name_idx" ON "Product"("name");

-- AddForeignKey
ALTER TABLE "Tax" ADD CONSTRAINT "Tax_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Product" ADD CONSTRAINT "Product_incomeAccountId_fkey" FOREIGN KEY ("incomeAccountId") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Product" ADD CONSTRAINT "Product_expenseAccountId_fkey" FOREIGN KEY ("expenseAccountId") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Product" ADD CONSTRAINT "Product_taxId_fkey" FOREIGN KEY ("taxId") REFERENCES "Tax"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- System roles of existing tenants get the module's permissions (as provisioning seeds them).
INSERT INTO "RolePermission" ("roleId", "permission")
SELECT r."id", p.permission
  FROM "Role" r
  CROSS JOIN (VALUES ('catalogue:taxes:read'), ('catalogue:taxes:write'), ('catalogue:products:read'), ('catalogue:products:write')) AS p(permission)
 WHERE r."isSystem" AND (r."name" IN ('Owner', 'Admin', 'Accountant') OR (r."name" = 'Viewer' AND p.permission LIKE '%:read'))
ON CONFLICT DO NOTHING;
