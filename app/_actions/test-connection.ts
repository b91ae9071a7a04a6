"use server";

import { revalidatePath } from "next/cache";
import { workspaceAction } from "@/lib/actions/safe-action";
import { credentialFormSchema } from "@/lib/credentials/schemas";
import { testConnection } from "@/lib/credentials/test-connection";
import { db } from "@/lib/db/client";

/** "Test connection" on a credential's page: asks Zoom who the connection acts as. */
export const testConnectionAction = workspaceAction(
  { schema: credentialFormSchema, role: "member" },
  async (ctx, input) => {
    const result = await testConnection(db(), ctx, input.credentialId);
    revalidatePath(`/w/${ctx.workspace.slug}/credentials/${input.credentialId}`);
    return result.ok
      ? { ok: true, message: result.message }
      : { ok: false, message: result.message, fieldErrors: {}, values: {} };
  },
);
