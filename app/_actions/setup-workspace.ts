"use server";

import { headers } from "next/headers";
import { publicAction } from "@/lib/actions/safe-action";
import { clientAddress } from "@/lib/auth/client-address";
import { createWorkspaceSchema } from "@/lib/auth/schemas";
import { db } from "@/lib/db/client";
import { setupFirstWorkspace } from "@/lib/workspaces/create-workspace";

export const setupWorkspaceAction = publicAction({ schema: createWorkspaceSchema }, async (_ctx, input) => {
  const { slug } = await setupFirstWorkspace(db(), input, clientAddress(await headers()));
  return { ok: true, data: { slug } };
});
