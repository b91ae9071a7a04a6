"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/safe-action";
import { refreshNow, testAllConnections } from "@/lib/admin/account-actions";
import { testConnection } from "@/lib/credentials/test-connection";
import { db } from "@/lib/db/client";

const idSchema = z.object({ credentialId: z.string().min(1) });
const accountsPath = (slug: string) => `/w/${slug}/admin/accounts`;

export const testAccountAction = workspaceAction({ schema: idSchema, role: "admin" }, async (ctx, input) => {
  const result = await testConnection(db(), ctx, input.credentialId);
  revalidatePath(accountsPath(ctx.workspace.slug));
  return result.ok
    ? { ok: true, message: result.message }
    : { ok: false, message: result.message, fieldErrors: {}, values: {} };
});

export const refreshAccountAction = workspaceAction(
  { schema: idSchema, role: "admin" },
  async (ctx, input) => {
    const result = await refreshNow(db(), ctx, input.credentialId);
    revalidatePath(accountsPath(ctx.workspace.slug));
    return result.ok
      ? { ok: true, message: result.message }
      : { ok: false, message: result.message, fieldErrors: {}, values: {} };
  },
);

export const testAllAction = workspaceAction({ schema: z.object({}), role: "admin" }, async (ctx) => {
  const summary = await testAllConnections(db(), ctx);
  revalidatePath(accountsPath(ctx.workspace.slug));
  return { ok: true, message: summary };
});
