-- CreateTable
CREATE TABLE "KeeperLease" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "owner" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "Credential_workspaceId_name_idx" ON "Credential"("workspaceId", "name");

-- CreateIndex
CREATE INDEX "Credential_workspaceId_method_idx" ON "Credential"("workspaceId", "method");
