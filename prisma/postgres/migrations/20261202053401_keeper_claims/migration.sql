-- AlterTable
ALTER TABLE "Credential" ADD COLUMN     "keeperClaimOwner" TEXT,
ADD COLUMN     "keeperClaimUntil" TIMESTAMP(3),
ADD COLUMN     "keeperDueAt" TIMESTAMP(3);

-- DropTable
DROP TABLE "KeeperLease";

-- CreateIndex
CREATE INDEX "Credential_keeperDueAt_idx" ON "Credential"("keeperDueAt");

-- CreateIndex
CREATE INDEX "Credential_status_keeperDueAt_idx" ON "Credential"("status", "keeperDueAt");

-- CreateIndex
CREATE INDEX "Credential_status_refreshTokenExpiresAt_idx" ON "Credential"("status", "refreshTokenExpiresAt");

-- Connections that exist already: the keeper looks at each once, soon, and schedules it.
UPDATE "Credential" SET "keeperDueAt" = (now() AT TIME ZONE 'UTC')
WHERE "method" IN ('oauth', 's2s') AND "status" IN ('connected', 'expiring_soon', 'error');
