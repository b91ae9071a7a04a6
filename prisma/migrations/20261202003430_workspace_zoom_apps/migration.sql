-- AlterTable
ALTER TABLE "ZoomApp" ADD COLUMN "setupStep" TEXT;

-- CreateTable
CREATE TABLE "ConnectLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "zoomAppId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "ownerId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "revokedAt" DATETIME,
    "credentialId" TEXT,
    CONSTRAINT "ConnectLink_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ConnectLink_zoomAppId_fkey" FOREIGN KEY ("zoomAppId") REFERENCES "ZoomApp" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ConnectLink_tokenHash_key" ON "ConnectLink"("tokenHash");

-- CreateIndex
CREATE INDEX "ConnectLink_workspaceId_createdAt_idx" ON "ConnectLink"("workspaceId", "createdAt");

-- CreateIndex
CREATE INDEX "ConnectLink_zoomAppId_idx" ON "ConnectLink"("zoomAppId");
