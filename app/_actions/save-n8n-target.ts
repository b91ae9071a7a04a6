"use server";

import { revalidatePath } from "next/cache";
import { workspaceAction } from "@/lib/actions/safe-action";
import { db } from "@/lib/db/client";
import { saveN8nTarget } from "@/lib/n8n/n8n-target";
import { n8nTargetSchema } from "@/lib/n8n/schemas";

export const saveN8nTargetAction = workspaceAction(
  { schema: n8nTargetSchema, role: "admin" },
  async (ctx, input) => {
    const { words } = await saveN8nTarget(db(), ctx, input);
    revalidatePath(`/w/${ctx.workspace.slug}/admin/n8n`);
    return { ok: true, message: `Saved. ${words} The key is stored encrypted and never shown again.` };
  },
);
