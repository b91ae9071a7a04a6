import type { Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-event";
import type { WorkspaceContext } from "@/lib/auth/guard";
import { decrypt } from "@/lib/crypto";
import { credentialSecretContext } from "@/lib/crypto/encrypted-columns";
import { AppError } from "@/lib/errors/app-error";
import { accessTokenGuide } from "@/lib/guides/access-token-guide";
import { formStep, formStepLabel } from "@/lib/guides/progress";
import { requireStepOfKind } from "@/lib/wizard/gate";
import { progressAfter } from "@/lib/wizard/progress-writer";
import { decodeZoomToken, normalizePastedToken, type DecodedZoomToken } from "@/lib/zoom/decode-token";
import { getCurrentUser } from "@/lib/zoom/get-current-user";
import { isZoomError } from "@/lib/zoom/zoom-error";
import { findCredential } from "./find-credential";
import { credentialErrorFrom, recordCredentialError } from "./record-credential-error";
import { legacyStatus, replaceServedToken, storeUntestedToken } from "./pasted-token-writes";
import { isLive } from "./status";
import { credentialSubject } from "./wizard-progress";
import { markConnected } from "./transitions";

/**
 * The legacy paste step: the pasted token is decoded here (no secret needed) and
 * refused when it is not a token or already expired; otherwise it is stored
 * encrypted with its expiry. A legacy token needs no Zoom app: its issuer
 * (the JWT app's API key) is read from the token when it is shown.
 *
 * On a credential whose token the API is serving, the new token is tested
 * before it replaces the old one and is served from then on (`tested`: the
 * wizard can skip its test step); otherwise the test step tests it.
 */
export async function saveAccessToken(
  db: Db,
  ctx: WorkspaceContext,
  input: { credentialId: string; accessToken: string },
  now = new Date(),
): Promise<{ decoded: DecodedZoomToken; tested: boolean }> {
  const credential = await findCredential(db, ctx, input.credentialId);
  if (credential.method !== "access_token")
    throw new AppError("invalid_input", "Finish the earlier steps first.");
  const subject = credentialSubject(accessTokenGuide, credential);
  const step = requireStepOfKind(subject, "token-paste");
  const decoded = decodeZoomToken(input.accessToken, now);
  if (!decoded.ok)
    throw new AppError("invalid_input", "Please check the highlighted field.", {
      accessToken: decoded.message,
    });
  if (!decoded.expiresAt) {
    throw new AppError("invalid_input", "Please check the highlighted field.", {
      accessToken:
        "This token has no expiry date, so it is not one Zoom issued. Copy the token again from your app’s App Credentials page.",
    });
  }
  if (decoded.state === "expired") {
    throw new AppError("invalid_input", "Please check the highlighted field.", {
      accessToken: `This token expired on ${decoded.expiresAt?.toUTCString() ?? "an earlier date"}. Create a new one (View JWT Token, choose a later expiration) and paste it.`,
    });
  }
  const token = normalizePastedToken(input.accessToken);
  if (isLive(credential.status)) {
    const tested = formStep(accessTokenGuide, "token-test").key;
    await replaceServedToken(
      db,
      ctx,
      credential.id,
      {
        token,
        expiresAt: decoded.expiresAt,
        wizardStep: progressAfter(subject, tested),
      },
      now,
    );
    return { decoded, tested: true };
  }
  await storeUntestedToken(db, credential.id, {
    token,
    expiresAt: decoded.expiresAt,
    wizardStep: progressAfter(subject, step.key),
  });
  return { decoded, tested: false };
}

/** What the stored token is, for the test step; decrypted only to decode it. */
export async function describeStoredToken(
  db: Db,
  credentialId: string,
  now = new Date(),
): Promise<DecodedZoomToken | null> {
  const row = await db.credential.findUniqueOrThrow({
    where: { id: credentialId },
    select: { accessTokenEnc: true },
  });
  if (!row.accessTokenEnc) return null;
  const decoded = decodeZoomToken(
    decrypt(row.accessTokenEnc, credentialSecretContext(credentialId, "accessTokenEnc")),
    now,
  );
  return decoded.ok ? decoded : null;
}

/** The legacy test step: GET /users/me with the token; on success the credential is connected. */
export async function testAccessToken(
  db: Db,
  ctx: WorkspaceContext,
  credentialId: string,
  now = new Date(),
): Promise<{ ok: true } | { ok: false; message: string }> {
  const credential = await findCredential(db, ctx, credentialId);
  const row = await db.credential.findUniqueOrThrow({
    where: { id: credential.id },
    select: { accessTokenEnc: true, accessTokenExpiresAt: true },
  });
  const subject = credentialSubject(accessTokenGuide, credential);
  const step = formStep(accessTokenGuide, "token-test");
  const pasteStep = formStepLabel(accessTokenGuide, "token-paste");
  if (credential.method !== "access_token" || !row.accessTokenEnc || !subject.canOpen(step.key))
    throw new AppError("invalid_input", `Paste the access token on ${pasteStep} first.`);
  if (row.accessTokenExpiresAt && row.accessTokenExpiresAt <= now)
    return { ok: false, message: `This token has expired. Paste a new one on ${pasteStep}.` };
  try {
    const user = await getCurrentUser({
      accessToken: decrypt(row.accessTokenEnc, credentialSecretContext(credential.id, "accessTokenEnc")),
      flow: "access_token",
    });
    await db.$transaction(async (tx) => {
      await markConnected(
        tx,
        { id: credential.id },
        {
          now,
          status: legacyStatus(row.accessTokenExpiresAt, now),
          zoomUser: {
            id: user.id,
            email: user.email,
            name: user.displayName || `${user.firstName} ${user.lastName}`.trim(),
            accountId: user.accountId,
          },
          wizardStep: progressAfter(subject, step.key),
          tested: true,
        },
      );
      await recordAuditEvent(tx, {
        workspaceId: ctx.workspace.id,
        action: "credential.connected",
        actor: { userId: ctx.user.id, label: ctx.user.name },
        credentialId: credential.id,
        details: { zoomUser: user.email, method: "access_token" },
      });
    });
    return { ok: true };
  } catch (error) {
    if (!isZoomError(error)) throw error;
    const message = `${error.entry.message} Zoom no longer accepts tokens from JWT apps; Server-to-Server OAuth is the way to go on.`;
    await recordCredentialError(db, credential.id, { ...credentialErrorFrom(error.entry), message }, now);
    return { ok: false, message };
  }
}
