"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/safe-action";
import { db } from "@/lib/db/client";
import { removeN8nTarget } from "@/lib/n8n/n8n-target";

export const removeN8nTargetAction = workspaceAction(
  { schema: z.object({ confirm: z.literal("yes") }), role: "admin" },
  async (ctx) => {
    await removeN8nTarget(db(), ctx);
    revalidatePath(`/w/${ctx.workspace.slug}/admin/n8n`);
    return { ok: true, message: "n8n removed: its key is deleted." };
  },
);
