-- Shard.connectionBudget: NULL = derived from the server (max_connections minus reserved slots and the
-- enterprise pool, divided among app instances). 40 was the old default, never a measured choice: back to NULL.
ALTER TABLE "Shard" ALTER COLUMN "connectionBudget" DROP NOT NULL;
ALTER TABLE "Shard" ALTER COLUMN "connectionBudget" DROP DEFAULT;
UPDATE "Shard" SET "connectionBudget" = NULL WHERE "connectionBudget" = 40;
