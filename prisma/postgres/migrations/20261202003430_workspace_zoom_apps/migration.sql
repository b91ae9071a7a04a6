-- AlterTable
ALTER TABLE "ZoomApp" ADD COLUMN     "setupStep" TEXT;

-- CreateTable
CREATE TABLE "ConnectLink" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "zoomAppId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "ownerId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "credentialId" TEXT,

    CONSTRAINT "ConnectLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ConnectLink_tokenHash_key" ON "ConnectLink"("tokenHash");

-- CreateIndex
CREATE INDEX "ConnectLink_workspaceId_createdAt_idx" ON "ConnectLink"("workspaceId", "createdAt");

-- CreateIndex
CREATE INDEX "ConnectLink_zoomAppId_idx" ON "ConnectLink"("zoomAppId");

-- AddForeignKey
ALTER TABLE "ConnectLink" ADD CONSTRAINT "ConnectLink_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConnectLink" ADD CONSTRAINT "ConnectLink_zoomAppId_fkey" FOREIGN KEY ("zoomAppId") REFERENCES "ZoomApp"("id") ON DELETE CASCADE ON UPDATE CASCADE;
