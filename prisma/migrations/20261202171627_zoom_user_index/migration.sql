-- CreateIndex
CREATE INDEX "Credential_zoomUserId_idx" ON "Credential"("zoomUserId");
