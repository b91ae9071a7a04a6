"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/safe-action";
import { testConnection } from "@/lib/credentials/test-connection";
import { db } from "@/lib/db/client";

/** "Test connection" on a credential's page: asks Zoom who the connection acts as. */
export const testConnectionAction = workspaceAction(
  { schema: z.object({ credentialId: z.string().min(1) }), role: "member" },
  async (ctx, input) => {
    const result = await testConnection(db(), ctx, input.credentialId);
    revalidatePath(`/w/${ctx.workspace.slug}/credentials/${input.credentialId}`);
    return result.ok
      ? { ok: true, message: result.message }
      : { ok: false, message: result.message, fieldErrors: {}, values: {} };
  },
);
