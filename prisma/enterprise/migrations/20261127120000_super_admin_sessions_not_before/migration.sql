-- Tokens issued before this instant are refused (set when a super admin is deactivated), so reactivating
-- one does not bring their earlier, unexpired sessions back.
ALTER TABLE "SuperAdmin" ADD COLUMN "sessionsNotBefore" TIMESTAMPTZ(3);
