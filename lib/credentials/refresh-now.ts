import type { Db } from "@/lib/db/client";
import type { WorkspaceContext } from "@/lib/auth/guard";
import { findCredential } from "./find-credential";
import { getAccessToken } from "./tokens/get-access-token";
import { TokenUnavailableError } from "./tokens/token-errors";

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
