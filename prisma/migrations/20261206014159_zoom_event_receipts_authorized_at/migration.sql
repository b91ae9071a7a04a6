-- AlterTable
ALTER TABLE "Credential" ADD COLUMN "authorizedAt" DATETIME;

-- CreateTable
CREATE TABLE "ZoomEventReceipt" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "zoomAppId" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "ZoomEventReceipt_receivedAt_idx" ON "ZoomEventReceipt"("receivedAt");

-- Connections made before this column: their last handshake, from the audit log
-- (null when the log no longer has it: Zoom's removal events then apply, as before).
UPDATE "Credential" SET "authorizedAt" = (
    SELECT MAX("AuditEvent"."createdAt") FROM "AuditEvent"
    WHERE "AuditEvent"."workspaceId" = "Credential"."workspaceId"
      AND "AuditEvent"."credentialId" = "Credential"."id"
      AND "AuditEvent"."action" IN ('credential.connected', 'credential.reconnected')
) WHERE "method" = 'oauth';
