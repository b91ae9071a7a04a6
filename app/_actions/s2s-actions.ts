"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/safe-action";
import { connectServerToServer } from "@/lib/credentials/connect-s2s";
import { saveServerToServerCredentials } from "@/lib/credentials/save-s2s-credentials";
import { s2sCredentialsSchema } from "@/lib/credentials/schemas";
import { switchToServerToServer } from "@/lib/credentials/switch-method";
import { db } from "@/lib/db/client";
import { wizardPath } from "@/lib/zoom-connect/connect-session";

export const saveS2SCredentialsAction = workspaceAction(
  { schema: s2sCredentialsSchema, role: "member" },
  async (ctx, input) => {
    await saveServerToServerCredentials(db(), ctx, input);
    redirect(wizardPath({ slug: ctx.workspace.slug, credentialId: input.credentialId }, "s2s-information"));
  },
);

export const connectS2SAction = workspaceAction(
  { schema: z.object({ credentialId: z.string().min(1) }), role: "member" },
  async (ctx, input) => {
    const result = await connectServerToServer(db(), ctx, input.credentialId);
    if (result.ok)
      redirect(wizardPath({ slug: ctx.workspace.slug, credentialId: input.credentialId }, "done"));
    return { ok: false, message: result.message, fieldErrors: {}, values: { fixStep: result.fixStep ?? "" } };
  },
);

export const switchToS2SAction = workspaceAction(
  { schema: z.object({ credentialId: z.string().min(1) }), role: "member" },
  async (ctx, input) => {
    await switchToServerToServer(db(), ctx, input.credentialId);
    redirect(wizardPath({ slug: ctx.workspace.slug, credentialId: input.credentialId }, "s2s-marketplace"));
  },
);
