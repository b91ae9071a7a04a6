"use server";

import { publicAction } from "@/lib/actions/safe-action";
import { createWorkspaceSchema } from "@/lib/auth/schemas";
import { db } from "@/lib/db/client";
import { setupFirstWorkspace } from "@/lib/workspaces/create-workspace";

export const setupWorkspace = publicAction({ schema: createWorkspaceSchema }, async (_ctx, input) => {
  const { slug } = await setupFirstWorkspace(db(), input);
  return { ok: true, data: { slug } };
});
