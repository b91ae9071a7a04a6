"use server";

import { revalidatePath } from "next/cache";
import { workspaceAction } from "@/lib/actions/safe-action";
import { replaceClientSecret } from "@/lib/credentials/manage-credential";
import { replaceSecretSchema } from "@/lib/credentials/schemas";
import { db } from "@/lib/db/client";

export const replaceCredentialSecretAction = workspaceAction(
  { schema: replaceSecretSchema, role: "member" },
  async (ctx, input) => {
    const { appName, connections } = await replaceClientSecret(db(), ctx, input);
    revalidatePath(`/w/${ctx.workspace.slug}/credentials/${input.credentialId}`);
    return {
      ok: true,
      message:
        connections > 1
          ? `The new Client Secret is saved (encrypted) on the Zoom app “${appName}”: all ${connections} of its connections use it from their next renewal.`
          : "The new Client Secret is saved (encrypted).",
    };
  },
);
