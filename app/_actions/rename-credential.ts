"use server";

import { revalidatePath } from "next/cache";
import { workspaceAction } from "@/lib/actions/safe-action";
import { renameCredential } from "@/lib/credentials/manage-credential";
import { renameSchema } from "@/lib/credentials/schemas";
import { db } from "@/lib/db/client";

export const renameCredentialAction = workspaceAction(
  { schema: renameSchema, role: "member" },
  async (ctx, input) => {
    await renameCredential(db(), ctx, input);
    revalidatePath(`/w/${ctx.workspace.slug}/credentials/${input.credentialId}`);
    return { ok: true, message: "Renamed." };
  },
);
