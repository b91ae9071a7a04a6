import type { Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-event";
import type { WorkspaceContext } from "@/lib/auth/guard";
import { encrypt } from "@/lib/crypto";
import { credentialSecretContext } from "@/lib/crypto/encrypted-columns";
import { AppError } from "@/lib/errors/app-error";
import { forgetServedCredential } from "@/lib/token-api/serving";
import { getCurrentUser, type ZoomUser } from "@/lib/zoom/get-current-user";
import { isZoomError } from "@/lib/zoom/zoom-error";
import { markConnected } from "./transitions";

type Tx = Pick<Db, "credential" | "auditEvent" | "notificationEvent" | "$executeRaw">;

const EXPIRING_SOON_MS = 7 * 24 * 60 * 60 * 1000;

/** A legacy token close to its end is connected as Expiring soon. */
export function legacyStatus(expiresAt: Date | null, now: Date): "connected" | "expiring_soon" {
  return expiresAt !== null && expiresAt.getTime() - now.getTime() < EXPIRING_SOON_MS
    ? "expiring_soon"
    : "connected";
}

export type PastedToken = { token: string; expiresAt: Date; wizardStep: string };

/**
 * Stores a pasted token in place of the one before. The version moves on, so
 * anything that read the old token (a test, a 124 from Zoom) can no longer
 * write its verdict over the new one; callers forget what the API served
 * from memory once this commits.
 */
async function storePastedToken(tx: Tx, credentialId: string, pasted: PastedToken): Promise<void> {
  await tx.credential.update({
    where: { id: credentialId },
    data: {
      accessTokenEnc: encrypt(pasted.token, credentialSecretContext(credentialId, "accessTokenEnc")),
      accessTokenExpiresAt: pasted.expiresAt,
      refreshTokenEnc: null,
      wizardStep: pasted.wizardStep,
      version: { increment: 1 },
    },
  });
}

/** A first paste, or one on a credential that serves nothing: stored; the test step tests it. */
export async function storeUntestedToken(db: Db, credentialId: string, pasted: PastedToken): Promise<void> {
  await db
    .$transaction((tx) => storePastedToken(tx, credentialId, pasted))
    .finally(() => forgetServedCredential(credentialId));
}

/**
 * A new token pasted over one the token API is serving. It is tested first
 * (GET /users/me): a token Zoom refuses never replaces one that works. Once
 * Zoom accepts it, it is stored and connected in one transaction and the old
 * one is forgotten at once, so the next token API call serves the new one.
 */
export async function replaceServedToken(
  db: Db,
  ctx: WorkspaceContext,
  credentialId: string,
  pasted: PastedToken,
  now: Date,
): Promise<void> {
  const user = await testPastedToken(pasted.token);
  await db
    .$transaction(async (tx) => {
      await storePastedToken(tx, credentialId, pasted);
      await markConnected(
        tx,
        { id: credentialId },
        {
          now,
          status: legacyStatus(pasted.expiresAt, now),
          zoomUser: {
            id: user.id,
            email: user.email,
            name: user.displayName || `${user.firstName} ${user.lastName}`.trim(),
            accountId: user.accountId,
          },
          tested: true,
        },
      );
      await recordAuditEvent(tx, {
        workspaceId: ctx.workspace.id,
        action: "credential.reconnected",
        actor: { userId: ctx.user.id, label: ctx.user.name },
        credentialId,
        details: { zoomUser: user.email, method: "access_token" },
      });
    })
    .finally(() => forgetServedCredential(credentialId));
}

async function testPastedToken(token: string): Promise<ZoomUser> {
  try {
    return await getCurrentUser({ accessToken: token, flow: "access_token" });
  } catch (error) {
    if (!isZoomError(error)) throw error;
    const why =
      error.entry.kind === "temporary"
        ? "Zoom could not be reached to test it; try again in a moment."
        : `Zoom did not accept it: ${error.entry.message}`;
    throw new AppError("invalid_input", "Please check the highlighted field.", {
      accessToken: `This token was not saved, and the one saved before stays in use. ${why}`,
    });
  }
}
