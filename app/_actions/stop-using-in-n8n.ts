"use server";

import { revalidatePath } from "next/cache";
import { workspaceAction } from "@/lib/actions/safe-action";
import { db } from "@/lib/db/client";
import { emptiedWords } from "@/lib/n8n/empty-on-remove";
import { stopUsingInN8nSchema } from "@/lib/n8n/schemas";
import { stopUsingInN8n } from "@/lib/n8n/use-in-n8n";

export const stopUsingInN8nAction = workspaceAction(
  { schema: stopUsingInN8nSchema, role: "member" },
  async (ctx, input) => {
    const stopped = await stopUsingInN8n(db(), ctx, input.credentialId);
    revalidatePath(`/w/${ctx.workspace.slug}/credentials/${input.credentialId}`);
    return {
      ok: true,
      message:
        `Stopped: new tokens are no longer pushed to n8n. Zoom was not touched.` +
        emptiedWords(stopped.emptied && { n8nCredentialName: stopped.n8nCredentialName, ...stopped.emptied }),
    };
  },
);
