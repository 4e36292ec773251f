-- Tokens and sessions issued before this instant are refused (set when a user is deactivated), so
-- reactivating a user does not bring their earlier, unexpired sessions back.
ALTER TABLE "User" ADD COLUMN "sessionsNotBefore" TIMESTAMPTZ(3);
