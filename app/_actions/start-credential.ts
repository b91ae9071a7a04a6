"use server";

import { redirect } from "next/navigation";
import { workspaceAction } from "@/lib/actions/safe-action";
import { createCredential } from "@/lib/credentials/create-credential";
import { newCredentialSchema } from "@/lib/credentials/schemas";
import { db } from "@/lib/db/client";
import { guideFor } from "@/lib/guides";
import { wizardStepUrl } from "@/lib/guides/step-url";

/** "Start setup": a draft credential, and its method's wizard from the first step. */
export const startCredentialAction = workspaceAction(
  { schema: newCredentialSchema, role: "member" },
  async (ctx, input) => {
    const { id } = await createCredential(db(), ctx, input);
    const guide = guideFor(input.method);
    redirect(wizardStepUrl(ctx.workspace.slug, id, guide, guide.keys[0]));
  },
);
