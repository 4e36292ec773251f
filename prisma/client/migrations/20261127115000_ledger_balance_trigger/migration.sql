-- Fix journal_entry_must_balance(): the first version read NEW."entryId" in its DECLARE block,
-- which fails ('record "new" has no field "entryId"', 42703) when the trigger fires for a
-- "JournalEntry" row, so no journal entry could ever be committed. This version reads only the
-- fields the firing table has, and checks both the old and the new entry when a line moves.
CREATE OR REPLACE FUNCTION journal_entry_must_balance() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  entry_ids uuid[];
  entry_id uuid;
  diff numeric;
BEGIN
  IF TG_TABLE_NAME = 'JournalEntry' THEN
    entry_ids := ARRAY[NEW."id"];
  ELSIF TG_OP = 'INSERT' THEN
    entry_ids := ARRAY[NEW."entryId"];
  ELSIF TG_OP = 'DELETE' THEN
    entry_ids := ARRAY[OLD."entryId"];
  ELSE
    entry_ids := ARRAY[NEW."entryId", OLD."entryId"];
  END IF;
  FOREACH entry_id IN ARRAY entry_ids LOOP
    IF (SELECT "status" FROM "JournalEntry" WHERE "id" = entry_id) = 'POSTED' THEN
      SELECT COALESCE(SUM("debit"), 0) - COALESCE(SUM("credit"), 0) INTO diff
        FROM "JournalLine" WHERE "entryId" = entry_id;
      IF diff <> 0 THEN
        RAISE EXCEPTION 'journal entry % does not balance (debits - credits = %)', entry_id, diff
          USING ERRCODE = '23514';
      END IF;
    END IF;
  END LOOP;
  RETURN NULL;
END $$;
