import type { Db } from "@/lib/db/client";
import { encrypt } from "@/lib/crypto";
import { credentialSecretContext } from "@/lib/crypto/encrypted-columns";
import { AppError } from "@/lib/errors/app-error";

/**
 * The secret part of a wizard's "keys" step: a pasted secret is encrypted at
 * once; an empty field keeps the saved one; no secret at all is an error on
 * the field. `replaced` says whether an earlier secret was overwritten.
 */
export async function clientSecretUpdate(
  db: Db,
  credentialId: string,
  pasted: string | undefined,
): Promise<{ data: { clientSecretEnc?: string }; replaced: boolean }> {
  const saved = await db.credential.findUniqueOrThrow({
    where: { id: credentialId },
    select: { clientSecretEnc: true },
  });
  if (!pasted && !saved.clientSecretEnc) {
    throw new AppError("invalid_input", "Please check the highlighted fields.", {
      clientSecret: "Paste the Client Secret from your app’s App Credentials.",
    });
  }
  if (!pasted) return { data: {}, replaced: false };
  return {
    data: { clientSecretEnc: encrypt(pasted, credentialSecretContext(credentialId, "clientSecretEnc")) },
    replaced: Boolean(saved.clientSecretEnc),
  };
}
