-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN     "actions" TEXT NOT NULL DEFAULT 'token proxy',
ADD COLUMN     "credentialIds" TEXT;

-- Every change that should stop an instance serving from its cache (a
-- credential's status or token, a key revoked or re-scoped, a row deleted)
-- is announced to every app instance. PostgreSQL delivers a NOTIFY only when
-- the writing transaction commits, whoever wrote it (the app, a script, a
-- person with psql). Listeners: lib/token-api/serving-invalidation.ts.
CREATE OR REPLACE FUNCTION "zcw_notify_serving"() RETURNS trigger AS $$
DECLARE
  row_id TEXT;
BEGIN
  IF TG_OP = 'DELETE' THEN row_id := OLD."id"; ELSE row_id := NEW."id"; END IF;
  PERFORM pg_notify('zcw_serving', TG_TABLE_SCHEMA || ':' || TG_TABLE_NAME || ':' || row_id);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Credential_notify_serving"
  AFTER UPDATE OF "status", "accessTokenEnc", "accessTokenExpiresAt", "workspaceId" ON "Credential"
  FOR EACH ROW
  WHEN (OLD."status" IS DISTINCT FROM NEW."status"
    OR OLD."accessTokenEnc" IS DISTINCT FROM NEW."accessTokenEnc"
    OR OLD."accessTokenExpiresAt" IS DISTINCT FROM NEW."accessTokenExpiresAt"
    OR OLD."workspaceId" IS DISTINCT FROM NEW."workspaceId")
  EXECUTE FUNCTION "zcw_notify_serving"();
CREATE TRIGGER "Credential_notify_serving_delete"
  AFTER DELETE ON "Credential" FOR EACH ROW EXECUTE FUNCTION "zcw_notify_serving"();

CREATE TRIGGER "ApiKey_notify_serving"
  AFTER UPDATE OF "revokedAt", "credentialIds", "actions", "workspaceId" ON "ApiKey"
  FOR EACH ROW
  WHEN (OLD."revokedAt" IS DISTINCT FROM NEW."revokedAt"
    OR OLD."credentialIds" IS DISTINCT FROM NEW."credentialIds"
    OR OLD."actions" IS DISTINCT FROM NEW."actions"
    OR OLD."workspaceId" IS DISTINCT FROM NEW."workspaceId")
  EXECUTE FUNCTION "zcw_notify_serving"();
CREATE TRIGGER "ApiKey_notify_serving_delete"
  AFTER DELETE ON "ApiKey" FOR EACH ROW EXECUTE FUNCTION "zcw_notify_serving"();
