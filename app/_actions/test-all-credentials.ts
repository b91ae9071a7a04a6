"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/safe-action";
import { testAllCredentials } from "@/lib/credentials/test-all-credentials";
import { db } from "@/lib/db/client";

export const testAllCredentialsAction = workspaceAction(
  { schema: z.object({}), role: "admin" },
  async (ctx) => {
    const summary = await testAllCredentials(db(), ctx);
    revalidatePath(`/w/${ctx.workspace.slug}/credentials`);
    return { ok: true, message: summary };
  },
);
