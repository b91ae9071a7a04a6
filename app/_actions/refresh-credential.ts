"use server";

import { revalidatePath } from "next/cache";
import { workspaceAction } from "@/lib/actions/safe-action";
import { refreshNow } from "@/lib/credentials/refresh-now";
import { credentialFormSchema } from "@/lib/credentials/schemas";
import { db } from "@/lib/db/client";

export const refreshCredentialAction = workspaceAction(
  { schema: credentialFormSchema, role: "admin" },
  async (ctx, input) => {
    const result = await refreshNow(db(), ctx, input.credentialId);
    revalidatePath(`/w/${ctx.workspace.slug}/credentials`);
    return result.ok
      ? { ok: true, message: result.message }
      : { ok: false, message: result.message, fieldErrors: {}, values: {} };
  },
);
