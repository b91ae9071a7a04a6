-- CreateTable
CREATE TABLE "ZoomApp" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ZoomApp_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ZoomApp_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- Data: every credential that holds keys of a Zoom app gets an app of its own
-- (same workspace, the credential's name, kind from its method, its keys as the
-- Development pair, its scopes, private to its owner). The app's id is derived
-- from the credential's, so the credential can point at it below. The Client
-- Secret's ciphertext is copied as it is: it is still bound (AES-GCM associated
-- data) to the credential's row, so the migration's data step
-- (lib/db/data-steps/move-client-secrets.ts) re-encrypts it for the app's row in
-- the same transaction. Legacy access-token credentials need no app; the
-- "clientId" they kept is the token's issuer, still readable from the token.
INSERT INTO "ZoomApp" ("id", "workspaceId", "createdById", "name", "kind", "developmentClientId", "developmentClientSecretEnc", "accountId", "scopes", "createdAt", "updatedAt")
SELECT 'app_' || "id", "workspaceId", "ownerId", "name", "method", "clientId", "clientSecretEnc", "accountId", "requestedScopes", "createdAt", "updatedAt"
FROM "Credential"
WHERE "method" IN ('oauth', 's2s')
  AND ("clientId" IS NOT NULL OR "clientSecretEnc" IS NOT NULL OR "accountId" IS NOT NULL OR "requestedScopes" <> '');

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Credential" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "zoomAppId" TEXT,
    "name" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "wizardStep" TEXT,
    "accessTokenEnc" TEXT,
    "accessTokenExpiresAt" DATETIME,
    "refreshTokenEnc" TEXT,
    "refreshTokenExpiresAt" DATETIME,
    "grantedScopes" TEXT NOT NULL DEFAULT '',
    "apiUrl" TEXT,
    "zoomUserId" TEXT,
    "zoomEmail" TEXT,
    "zoomName" TEXT,
    "zoomAccountId" TEXT,
    "lastTestedAt" DATETIME,
    "lastRefreshedAt" DATETIME,
    "lastUsedAt" DATETIME,
    "lastErrorCode" TEXT,
    "lastErrorMessage" TEXT,
    "lastErrorAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 0,
    "refreshLeaseOwner" TEXT,
    "refreshLeaseUntil" DATETIME,
    "failureCount" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Credential_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Credential_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Credential_zoomAppId_fkey" FOREIGN KEY ("zoomAppId") REFERENCES "ZoomApp" ("id") ON DELETE NO ACTION ON UPDATE CASCADE
);
INSERT INTO "new_Credential" ("zoomAppId", "accessTokenEnc", "accessTokenExpiresAt", "apiUrl", "createdAt", "failureCount", "grantedScopes", "id", "lastErrorAt", "lastErrorCode", "lastErrorMessage", "lastRefreshedAt", "lastTestedAt", "lastUsedAt", "method", "name", "nextAttemptAt", "ownerId", "refreshLeaseOwner", "refreshLeaseUntil", "refreshTokenEnc", "refreshTokenExpiresAt", "status", "updatedAt", "version", "wizardStep", "workspaceId", "zoomAccountId", "zoomEmail", "zoomName", "zoomUserId") SELECT (SELECT "ZoomApp"."id" FROM "ZoomApp" WHERE "ZoomApp"."id" = 'app_' || "Credential"."id"), "accessTokenEnc", "accessTokenExpiresAt", "apiUrl", "createdAt", "failureCount", "grantedScopes", "id", "lastErrorAt", "lastErrorCode", "lastErrorMessage", "lastRefreshedAt", "lastTestedAt", "lastUsedAt", "method", "name", "nextAttemptAt", "ownerId", "refreshLeaseOwner", "refreshLeaseUntil", "refreshTokenEnc", "refreshTokenExpiresAt", "status", "updatedAt", "version", "wizardStep", "workspaceId", "zoomAccountId", "zoomEmail", "zoomName", "zoomUserId" FROM "Credential";
DROP TABLE "Credential";
ALTER TABLE "new_Credential" RENAME TO "Credential";
CREATE INDEX "Credential_workspaceId_status_idx" ON "Credential"("workspaceId", "status");
CREATE INDEX "Credential_workspaceId_ownerId_idx" ON "Credential"("workspaceId", "ownerId");
CREATE INDEX "Credential_workspaceId_createdAt_idx" ON "Credential"("workspaceId", "createdAt");
CREATE INDEX "Credential_workspaceId_zoomUserId_idx" ON "Credential"("workspaceId", "zoomUserId");
CREATE INDEX "Credential_workspaceId_name_idx" ON "Credential"("workspaceId", "name");
CREATE INDEX "Credential_workspaceId_method_idx" ON "Credential"("workspaceId", "method");
CREATE INDEX "Credential_status_accessTokenExpiresAt_idx" ON "Credential"("status", "accessTokenExpiresAt");
CREATE INDEX "Credential_zoomAppId_idx" ON "Credential"("zoomAppId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ZoomApp_workspaceId_createdAt_idx" ON "ZoomApp"("workspaceId", "createdAt");

-- CreateIndex
CREATE INDEX "ZoomApp_workspaceId_developmentClientId_idx" ON "ZoomApp"("workspaceId", "developmentClientId");

-- CreateIndex
CREATE INDEX "ZoomApp_workspaceId_productionClientId_idx" ON "ZoomApp"("workspaceId", "productionClientId");
