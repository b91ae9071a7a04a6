-- AlterTable
ALTER TABLE "Credential" ADD COLUMN     "zoomAppId" TEXT;

-- CreateTable
CREATE TABLE "ZoomApp" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "developmentClientId" TEXT,
    "developmentClientSecretEnc" TEXT,
    "productionClientId" TEXT,
    "productionClientSecretEnc" TEXT,
    "accountId" TEXT,
    "activePair" TEXT NOT NULL DEFAULT 'development',
    "scopes" TEXT NOT NULL DEFAULT '',
    "eventSecretTokenEnc" TEXT,
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ZoomApp_pkey" PRIMARY KEY ("id")
);

-- Data: every credential that holds keys of a Zoom app gets an app of its own
-- (same workspace, the credential's name, kind from its method, its keys as the
-- Development pair, its scopes, private to its owner). The app's id is derived
-- from the credential's, so the credential can point at it. The Client Secret's
-- ciphertext is copied as it is: it is still bound (AES-GCM associated data) to
-- the credential's row, so the migration's data step
-- (lib/db/data-steps/move-client-secrets.ts) re-encrypts it for the app's row in
-- the same transaction. Legacy access-token credentials need no app; the
-- "clientId" they kept is the token's issuer, still readable from the token.
INSERT INTO "ZoomApp" ("id", "workspaceId", "createdById", "name", "kind", "developmentClientId", "developmentClientSecretEnc", "accountId", "scopes", "createdAt", "updatedAt")
SELECT 'app_' || "id", "workspaceId", "ownerId", "name", "method", "clientId", "clientSecretEnc", "accountId", "requestedScopes", "createdAt", "updatedAt"
FROM "Credential"
WHERE "method" IN ('oauth', 's2s')
  AND ("clientId" IS NOT NULL OR "clientSecretEnc" IS NOT NULL OR "accountId" IS NOT NULL OR "requestedScopes" <> '');

UPDATE "Credential" SET "zoomAppId" = 'app_' || "id"
WHERE EXISTS (SELECT 1 FROM "ZoomApp" WHERE "ZoomApp"."id" = 'app_' || "Credential"."id");

-- AlterTable
ALTER TABLE "Credential" DROP COLUMN "accountId",
DROP COLUMN "clientId",
DROP COLUMN "clientSecretEnc",
DROP COLUMN "requestedScopes";

-- CreateIndex
CREATE INDEX "ZoomApp_workspaceId_createdAt_idx" ON "ZoomApp"("workspaceId", "createdAt");

-- CreateIndex
CREATE INDEX "ZoomApp_workspaceId_developmentClientId_idx" ON "ZoomApp"("workspaceId", "developmentClientId");

-- CreateIndex
CREATE INDEX "ZoomApp_workspaceId_productionClientId_idx" ON "ZoomApp"("workspaceId", "productionClientId");

-- CreateIndex
CREATE INDEX "Credential_zoomAppId_idx" ON "Credential"("zoomAppId");

-- AddForeignKey
ALTER TABLE "ZoomApp" ADD CONSTRAINT "ZoomApp_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ZoomApp" ADD CONSTRAINT "ZoomApp_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Credential" ADD CONSTRAINT "Credential_zoomAppId_fkey" FOREIGN KEY ("zoomAppId") REFERENCES "ZoomApp"("id") ON DELETE NO ACTION ON UPDATE CASCADE;
