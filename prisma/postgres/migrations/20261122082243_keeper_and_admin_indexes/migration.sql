-- CreateTable
CREATE TABLE "KeeperLease" (
    "id" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KeeperLease_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Credential_workspaceId_name_idx" ON "Credential"("workspaceId", "name");

-- CreateIndex
CREATE INDEX "Credential_workspaceId_method_idx" ON "Credential"("workspaceId", "method");
