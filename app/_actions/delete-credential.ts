"use server";

import { redirect } from "next/navigation";
import { workspaceAction } from "@/lib/actions/safe-action";
import { deleteCredential } from "@/lib/credentials/manage-credential";
import { removeCredentialSchema } from "@/lib/credentials/schemas";
import { db } from "@/lib/db/client";

export const deleteCredentialAction = workspaceAction(
  { schema: removeCredentialSchema, role: "member" },
  async (ctx, input) => {
    const { n8n } = await deleteCredential(db(), ctx, input.credentialId, input.mode);
    // The list says what happened in n8n: the token there was emptied, or is being.
    const n8nNote = n8n
      ? `&${new URLSearchParams({ n8n: n8n.ok ? "emptied" : "pending", n8nName: n8n.n8nCredentialName })}`
      : "";
    redirect(`/w/${ctx.workspace.slug}/credentials?deleted=1${n8nNote}`);
  },
);
