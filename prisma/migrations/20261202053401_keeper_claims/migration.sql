-- AlterTable
ALTER TABLE "Credential" ADD COLUMN "keeperClaimOwner" TEXT;
ALTER TABLE "Credential" ADD COLUMN "keeperClaimUntil" DATETIME;
ALTER TABLE "Credential" ADD COLUMN "keeperDueAt" DATETIME;

-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "KeeperLease";
PRAGMA foreign_keys=on;

-- CreateIndex
CREATE INDEX "Credential_keeperDueAt_idx" ON "Credential"("keeperDueAt");

-- CreateIndex
CREATE INDEX "Credential_status_keeperDueAt_idx" ON "Credential"("status", "keeperDueAt");

-- CreateIndex
CREATE INDEX "Credential_status_refreshTokenExpiresAt_idx" ON "Credential"("status", "refreshTokenExpiresAt");

-- Connections that exist already: the keeper looks at each once, soon, and schedules it.
UPDATE "Credential" SET "keeperDueAt" = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE "method" IN ('oauth', 's2s') AND "status" IN ('connected', 'expiring_soon', 'error');
