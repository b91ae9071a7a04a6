import type { Db } from "@/lib/db/client";
import type { WorkspaceContext } from "@/lib/auth/guard";
import { findCredential } from "@/lib/credentials/find-credential";
import { testConnection } from "@/lib/credentials/test-connection";
import { getAccessToken } from "@/lib/credentials/tokens/get-access-token";
import { TokenUnavailableError } from "@/lib/credentials/tokens/token-errors";

/** "Refresh now": renew the token at once, even if it still has time left. */
export async function refreshNow(
  db: Db,
  ctx: WorkspaceContext,
  credentialId: string,
): Promise<{ ok: boolean; message: string }> {
  const credential = await findCredential(db, ctx, credentialId);
  if (credential.method === "access_token")
    return {
      ok: false,
      message: "A pasted access token cannot be renewed; paste a new one when it expires.",
    };
  try {
    const token = await getAccessToken(db, credential.id, { force: true });
    return {
      ok: true,
      message: `Renewed: the new token is valid until ${token.expiresAt.toISOString().slice(11, 16)} UTC.`,
    };
  } catch (error) {
    if (error instanceof TokenUnavailableError) return { ok: false, message: error.userMessage };
    throw error;
  }
}

// Zoom counts calls per account; a few hundred /users/me calls are nothing,
// but a workspace of thousands is tested by the keeper over the day instead.
const TEST_ALL_LIMIT = 200;

/** "Test all": every connected credential of the workspace, one after another. */
export async function testAllConnections(db: Db, ctx: WorkspaceContext): Promise<string> {
  const credentials = await db.credential.findMany({
    where: { workspaceId: ctx.workspace.id, status: { in: ["connected", "expiring_soon", "error"] } },
    select: { id: true },
    orderBy: { lastTestedAt: "asc" },
    take: TEST_ALL_LIMIT,
  });
  let working = 0;
  for (const credential of credentials) if ((await testConnection(db, ctx, credential.id)).ok) working++;
  const failed = credentials.length - working;
  if (credentials.length === 0) return "There are no connected credentials to test.";
  const failures = failed ? `, ${failed} failed — see the table for what to do` : "";
  return `Tested ${credentials.length}: ${working} work${failures}.`;
}
