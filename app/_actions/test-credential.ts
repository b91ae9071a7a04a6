"use server";

import { revalidatePath } from "next/cache";
import { workspaceAction } from "@/lib/actions/safe-action";
import { credentialFormSchema } from "@/lib/credentials/schemas";
import { testConnection } from "@/lib/credentials/test-connection";
import { db } from "@/lib/db/client";

export const testCredentialAction = workspaceAction(
  { schema: credentialFormSchema, role: "admin" },
  async (ctx, input) => {
    const result = await testConnection(db(), ctx, input.credentialId);
    revalidatePath(`/w/${ctx.workspace.slug}/credentials`);
    return result.ok
      ? { ok: true, message: result.message }
      : { ok: false, message: result.message, fieldErrors: {}, values: {} };
  },
);
