-- Sales invoices and credit notes, vendor bills and vendor credit notes (modules sales and purchases),
-- their gap-free numbering, the accounts they post to, and the ledger's mark on the entries they post.

-- Entries a document posted: the ledger refuses to void or reverse them (lib/modules/ledger/lock-entry.ts).
ALTER TABLE "JournalEntry" ADD COLUMN "source" TEXT;

-- CreateEnum
CREATE TYPE "DocumentDirection" AS ENUM ('SALE', 'PURCHASE');

-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('INVOICE', 'CREDIT_NOTE');

-- CreateEnum
CREATE TYPE "DocumentStatus" AS ENUM ('DRAFT', 'ISSUED', 'PARTIALLY_PAID', 'PAID', 'VOID');

-- CreateTable
CREATE TABLE "Invoice" (
    "id" UUID NOT NULL,
    "direction" "DocumentDirection" NOT NULL,
    "kind" "DocumentKind" NOT NULL DEFAULT 'INVOICE',
    "number" TEXT,
    "contactId" UUID NOT NULL,
    "date" DATE NOT NULL,
    "dueDate" DATE NOT NULL,
    "status" "DocumentStatus" NOT NULL DEFAULT 'DRAFT',
    "reference" TEXT,
    "vendorReference" TEXT,
    "notes" TEXT,
    "creditOfId" UUID,
    "controlAccountId" UUID,
    "subtotal" DECIMAL(19,4) NOT NULL DEFAULT 0,
    "taxTotal" DECIMAL(19,4) NOT NULL DEFAULT 0,
    "total" DECIMAL(19,4) NOT NULL DEFAULT 0,
    "amountPaid" DECIMAL(19,4) NOT NULL DEFAULT 0,
    "amountCredited" DECIMAL(19,4) NOT NULL DEFAULT 0,
    "amountApplied" DECIMAL(19,4) NOT NULL DEFAULT 0,
    "journalEntryId" UUID,
    "createdById" UUID,
    "issuedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Invoice_pkey" PRIMARY KEY ("id"),
    -- Never more paid and credited than the total; an issued document has its number and entry.
    CONSTRAINT "Invoice_amounts_check" CHECK ("amountPaid" >= 0 AND "amountCredited" >= 0 AND "amountApplied" >= 0 AND "amountPaid" + "amountCredited" <= "total" AND "amountApplied" <= "total"),
    CONSTRAINT "Invoice_issued_check" CHECK ("status" = 'DRAFT' OR ("number" IS NOT NULL AND "journalEntryId" IS NOT NULL AND "controlAccountId" IS NOT NULL)),
    CONSTRAINT "Invoice_credit_check" CHECK ("creditOfId" IS NULL OR "kind" = 'CREDIT_NOTE')
);

-- CreateTable
CREATE TABLE "InvoiceLine" (
    "id" UUID NOT NULL,
    "invoiceId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "productId" UUID,
    "description" TEXT NOT NULL,
    "quantity" DECIMAL(19,4) NOT NULL,
    "unitPrice" DECIMAL(19,4) NOT NULL,
    "discountPercent" DECIMAL(7,4) NOT NULL DEFAULT 0,
    "taxId" UUID,
    "accountId" UUID NOT NULL,
    "net" DECIMAL(19,4) NOT NULL,
    "taxAmount" DECIMAL(19,4) NOT NULL,
    "total" DECIMAL(19,4) NOT NULL,

    CONSTRAINT "InvoiceLine_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "InvoiceLine_amounts_check" CHECK ("quantity" > 0 AND "unitPrice" >= 0 AND "discountPercent" BETWEEN 0 AND 100 AND "net" + "taxAmount" = "total")
);

-- CreateTable
CREATE TABLE "DocumentSequence" (
    "key" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "DocumentSequence_pkey" PRIMARY KEY ("key","year")
);

-- CreateTable
CREATE TABLE "DocumentSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "receivableAccountId" UUID,
    "payableAccountId" UUID,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DocumentSettings_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "DocumentSettings_one_row_check" CHECK ("id" = 1)
);

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_number_key" ON "Invoice"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_journalEntryId_key" ON "Invoice"("journalEntryId");

-- CreateIndex
CREATE INDEX "Invoice_direction_status_dueDate_idx" ON "Invoice"("direction", "status", "dueDate");

-- CreateIndex
CREATE INDEX "Invoice_contactId_date_idx" ON "Invoice"("contactId", "date");

-- CreateIndex
CREATE INDEX "Invoice_direction_date_idx" ON "Invoice"("direction", "date");

-- CreateIndex
CREATE INDEX "Invoice_creditOfId_idx" ON "Invoice"("creditOfId");

-- CreateIndex
CREATE INDEX "InvoiceLine_invoiceId_idx" ON "InvoiceLine"("invoiceId");

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_creditOfId_fkey" FOREIGN KEY ("creditOfId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_controlAccountId_fkey" FOREIGN KEY ("controlAccountId") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_journalEntryId_fkey" FOREIGN KEY ("journalEntryId") REFERENCES "JournalEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_taxId_fkey" FOREIGN KEY ("taxId") REFERENCES "Tax"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- System roles of existing tenants get the sales module's permissions (as provisioning seeds them).
INSERT INTO "RolePermission" ("roleId", "permission")
SELECT r."id", p.permission
  FROM "Role" r
  CROSS JOIN (VALUES ('sales:invoices:read'), ('sales:invoices:write'), ('sales:invoices:issue'), ('sales:settings:write')) AS p(permission)
 WHERE r."isSystem" AND (r."name" IN ('Owner', 'Admin', 'Accountant') OR (r."name" = 'Viewer' AND p.permission LIKE '%:read'))
ON CONFLICT DO NOTHING;
