-- CreateTable
CREATE TABLE "N8nTarget" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "baseUrl" TEXT NOT NULL,
    "apiKeyEnc" TEXT NOT NULL,
    "checkedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "N8nTarget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "N8nLink" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "credentialId" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "n8nCredentialId" TEXT NOT NULL,
    "n8nCredentialName" TEXT NOT NULL,
    "pushedVersion" INTEGER,
    "lastPushAt" TIMESTAMP(3),
    "lastPushOk" BOOLEAN,
    "lastAnswer" TEXT,
    "failingSince" TIMESTAMP(3),
    "repushDueAt" TIMESTAMP(3) NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "N8nLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "N8nPush" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "linkId" TEXT NOT NULL,
    "credentialId" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "n8nCredentialId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "giveUpAt" TIMESTAMP(3) NOT NULL,
    "lastStatusCode" INTEGER,
    "lastError" TEXT,
    "doneAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "N8nPush_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "N8nTarget_workspaceId_key" ON "N8nTarget"("workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "N8nLink_credentialId_key" ON "N8nLink"("credentialId");

-- CreateIndex
CREATE INDEX "N8nLink_workspaceId_failingSince_idx" ON "N8nLink"("workspaceId", "failingSince");

-- CreateIndex
CREATE INDEX "N8nLink_targetId_idx" ON "N8nLink"("targetId");

-- CreateIndex
CREATE INDEX "N8nLink_repushDueAt_idx" ON "N8nLink"("repushDueAt");

-- CreateIndex
CREATE UNIQUE INDEX "N8nPush_dedupeKey_key" ON "N8nPush"("dedupeKey");

-- CreateIndex
CREATE INDEX "N8nPush_state_nextAttemptAt_idx" ON "N8nPush"("state", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "N8nPush_linkId_createdAt_idx" ON "N8nPush"("linkId", "createdAt");

-- AddForeignKey
ALTER TABLE "N8nTarget" ADD CONSTRAINT "N8nTarget_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "N8nLink" ADD CONSTRAINT "N8nLink_credentialId_fkey" FOREIGN KEY ("credentialId") REFERENCES "Credential"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "N8nLink" ADD CONSTRAINT "N8nLink_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "N8nTarget"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
