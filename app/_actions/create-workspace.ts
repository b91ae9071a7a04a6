"use server";

import { z } from "zod";
import { userAction } from "@/lib/actions/safe-action";
import { workspaceNameSchema } from "@/lib/auth/schemas";
import { db } from "@/lib/db/client";
import { createWorkspace } from "@/lib/workspaces/create-workspace";

export const createWorkspaceAction = userAction(
  { schema: z.object({ workspaceName: workspaceNameSchema }) },
  async (user, input) => {
    const { slug } = await createWorkspace(db(), {
      userId: user.id,
      userName: user.name,
      workspaceName: input.workspaceName,
    });
    return { ok: true, data: { slug } };
  },
);
