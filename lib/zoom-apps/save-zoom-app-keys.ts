import type { Db } from "@/lib/db/client";
import { encrypt } from "@/lib/crypto";
import { zoomAppSecretContext } from "@/lib/crypto/encrypted-columns";
import { AppError } from "@/lib/errors/app-error";
import { pairColumns, pairOf, type ZoomAppPair } from "./find-zoom-app";

type Tx = Pick<Db, "zoomApp" | "credential">;

/**
 * A wizard's keys step: the first save creates the credential's own Zoom app
 * (private to the person, named after the credential) and points the
 * credential at it; later saves update the app's pair in use. The pasted
 * secret is encrypted at once; an empty field keeps the saved one; no secret
 * at all is an error on the field. `pair`: the pair the person says they pasted
 * (it becomes the app's pair in use); left out, the pair in use stays.
 * `replacedSecret`: an earlier one was overwritten. A shared app is never
 * written here: its keys are changed on the app's page (app-setup.ts,
 * replace-app-secret.ts), so no connection's wizard can break the others.
 */
export async function saveZoomAppKeys(
  tx: Tx,
  input: {
    workspaceId: string;
    credential: { id: string; name: string; zoomAppId: string | null };
    createdById: string;
    kind: "oauth" | "s2s";
    clientId: string;
    clientSecret: string | undefined;
    accountId?: string;
    pair?: ZoomAppPair;
  },
): Promise<{ zoomAppId: string; replacedSecret: boolean }> {
  const existing = input.credential.zoomAppId
    ? await tx.zoomApp.findFirst({
        where: { id: input.credential.zoomAppId, workspaceId: input.workspaceId },
        select: {
          id: true,
          shared: true,
          activePair: true,
          developmentClientSecretEnc: true,
          productionClientSecretEnc: true,
        },
      })
    : null;
  // Read in the caller's transaction: an app shared since the person's check is still refused.
  if (existing?.shared)
    throw new AppError(
      "forbidden",
      "This Zoom app is shared with the workspace: only an admin changes its keys, on the app’s page. Nothing was changed.",
    );
  const pair = input.pair ?? (existing ? pairOf(existing) : "development");
  const columns = pairColumns(pair);
  const saved = existing ? existing[columns.clientSecret] : null;
  if (!input.clientSecret && !saved) {
    throw new AppError("invalid_input", "Please check the highlighted fields.", {
      clientSecret: "Paste the Client Secret from your app’s App Credentials.",
    });
  }
  const fields = {
    activePair: pair,
    [columns.clientId]: input.clientId,
    ...(input.kind === "s2s" ? { accountId: input.accountId ?? null } : {}),
  };
  const app =
    existing ??
    (await tx.zoomApp.create({
      data: {
        workspaceId: input.workspaceId,
        createdById: input.createdById,
        name: input.credential.name,
        kind: input.kind,
      },
      select: { id: true },
    }));
  await tx.zoomApp.update({
    where: { id: app.id },
    data: {
      ...fields,
      // The secret is bound to the app's row, so it is sealed once the row exists.
      ...(input.clientSecret
        ? {
            [columns.clientSecret]: encrypt(
              input.clientSecret,
              zoomAppSecretContext(app.id, columns.clientSecret),
            ),
          }
        : {}),
    },
  });
  if (!existing)
    await tx.credential.update({ where: { id: input.credential.id }, data: { zoomAppId: app.id } });
  return { zoomAppId: app.id, replacedSecret: Boolean(input.clientSecret && saved) };
}
