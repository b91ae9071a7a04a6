import type { Db } from "@/lib/db/client";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-event";
import { flowOfMethod } from "@/lib/zoom/error-catalogue";
import { getCurrentUser } from "@/lib/zoom/get-current-user";
import { isZoomError } from "@/lib/zoom/zoom-error";
import { markTestFailed, markTestPassed } from "./transitions";
import { getAccessToken } from "./tokens/get-access-token";
import { TokenUnavailableError } from "./tokens/token-errors";

export type TestResult = { ok: true; message: string } | { ok: false; message: string };

/**
 * One connection test: a fresh token (renewed if needed), then GET /users/me —
 * the cheapest call Zoom has ("Light" rate-limit bucket). The result is kept
 * on the credential and in the audit log. "Test connection" and the keeper's
 * daily round both use it; the keeper audits only failures.
 */
export async function runConnectionTest(
  db: Db,
  credential: { id: string; workspaceId: string; method: string; version: number },
  options: { actor: AuditActor; auditSuccess: boolean; now?: Date },
): Promise<TestResult> {
  const now = options.now ?? new Date();
  let result: TestResult;
  let version = credential.version;
  try {
    const token = await getAccessToken(db, credential.id);
    version = token.version;
    const user = await getCurrentUser({
      accessToken: token.accessToken,
      flow: flowOfMethod(credential.method),
    });
    await markTestPassed(db, { id: credential.id }, { now, zoomEmail: user.email });
    result = {
      ok: true,
      message: `It works: Zoom answered as ${user.displayName || user.email} (${user.email}).`,
    };
  } catch (error) {
    if (error instanceof TokenUnavailableError) result = { ok: false, message: error.userMessage };
    else if (isZoomError(error)) {
      // Only if nobody reconnected meanwhile (which bumps the version): a test
      // of the old token must not mark a fresh connection as dead.
      await markTestFailed(db, { id: credential.id, version }, { entry: error.entry, now });
      result = { ok: false, message: error.entry.message };
    } else throw error;
  }
  if (options.auditSuccess || !result.ok) {
    await recordAuditEvent(db, {
      workspaceId: credential.workspaceId,
      action: "credential.tested",
      actor: options.actor,
      credentialId: credential.id,
      details: { result: result.ok ? "ok" : "failed" },
    });
  }
  return result;
}
