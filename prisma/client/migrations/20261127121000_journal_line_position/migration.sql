-- Lines keep the order they were entered in (their ids are random UUIDs, so ordering by id
-- shuffled them). Lines written before this migration have position 0 and fall back to id order.
ALTER TABLE "JournalLine" ADD COLUMN "position" INTEGER NOT NULL DEFAULT 0;
