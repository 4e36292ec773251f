-- A reversal names the entry it reverses. The unique index is what lets an entry be reversed
-- only once: of two concurrent reversals, the second insert waits for the first and then fails
-- (23505), which the service answers with 409.
ALTER TABLE "JournalEntry" ADD COLUMN "reversalOfId" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "JournalEntry_reversalOfId_key" ON "JournalEntry"("reversalOfId");

-- AddForeignKey
ALTER TABLE "JournalEntry" ADD CONSTRAINT "JournalEntry_reversalOfId_fkey" FOREIGN KEY ("reversalOfId") REFERENCES "JournalEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
