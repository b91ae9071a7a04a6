import type { Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-event";
import type { WorkspaceContext } from "@/lib/auth/guard";
import { getCurrentUser } from "@/lib/zoom/get-current-user";
import { isZoomError } from "@/lib/zoom/zoom-error";
import { findCredential } from "./find-credential";
import { getAccessToken } from "./tokens/get-access-token";
import { TokenUnavailableError } from "./tokens/token-errors";

export type TestResult = { ok: true; message: string } | { ok: false; message: string };

/**
 * "Test connection": a fresh token (renewed if needed), then GET /users/me —
 * the cheapest call Zoom has ("Light" rate-limit bucket). The result is kept
 * on the credential and in the audit log.
 */
export async function testConnection(db: Db, ctx: WorkspaceContext, credentialId: string, now = new Date()): Promise<TestResult> {
  const credential = await findCredential(db, ctx, credentialId);
  const actor = { userId: ctx.user.id, label: ctx.user.name };
  let result: TestResult;
  let version = credential.version;
  try {
    const token = await getAccessToken(db, credential.id);
    version = token.version;
    const user = await getCurrentUser({ accessToken: token.accessToken, flow: credential.method === "s2s" ? "s2s" : "oauth" });
    await db.credential.update({ where: { id: credential.id }, data: { lastTestedAt: now, zoomEmail: user.email, lastErrorCode: null, lastErrorMessage: null, lastErrorAt: null } });
    result = { ok: true, message: `It works: Zoom answered as ${user.displayName || user.email} (${user.email}).` };
  } catch (error) {
    if (error instanceof TokenUnavailableError) result = { ok: false, message: error.userMessage };
    else if (isZoomError(error)) {
      const entry = error.entry;
      // Only if nobody reconnected meanwhile (which bumps the version): a test
      // of the old token must not mark a fresh connection as dead.
      await db.credential.updateMany({
        where: { id: credential.id, version },
        data: { lastTestedAt: now, lastErrorCode: entry.zoomCode ?? entry.id, lastErrorMessage: entry.message, lastErrorAt: now, ...(entry.kind === "needs_person" && entry.action === "reconnect" ? { status: "needs_reconnect" } : {}) },
      });
      result = { ok: false, message: entry.message };
    } else throw error;
  }
  await recordAuditEvent(db, { workspaceId: ctx.workspace.id, action: "credential.tested", actor, credentialId: credential.id, details: { result: result.ok ? "ok" : "failed" } });
  return result;
}
