"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/safe-action";
import { testAllConnections } from "@/lib/admin/account-actions";
import { db } from "@/lib/db/client";

export const testAllAccountsAction = workspaceAction({ schema: z.object({}), role: "admin" }, async (ctx) => {
  const summary = await testAllConnections(db(), ctx);
  revalidatePath(`/w/${ctx.workspace.slug}/credentials`);
  return { ok: true, message: summary };
});
