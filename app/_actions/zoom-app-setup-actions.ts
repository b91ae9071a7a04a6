"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/safe-action";
import { clientCredentialsSchema, scopesFormSchema } from "@/lib/credentials/schemas";
import { db } from "@/lib/db/client";
import {
  completeAppSetupStep,
  saveAppSetupKeys,
  saveAppSetupScopes,
  startZoomApp,
} from "@/lib/zoom-apps/app-setup";
import { appSetupGuide, appSetupUrl } from "@/lib/zoom-apps/app-setup-guide";

// "Add a Zoom app" (admins): the OAuth wizard's Marketplace steps, saving the app, connecting nobody.

const zoomAppId = z.string().min(1).max(64);

// The wizard's own rules for each form, with the app's id where the credential's would be.
const asCredentialForm = (value: unknown) =>
  typeof value === "object" && value !== null
    ? { ...value, credentialId: (value as { zoomAppId?: unknown }).zoomAppId }
    : value;

export const startZoomAppAction = workspaceAction(
  {
    schema: z.object({
      name: z
        .string({ error: "Give the app a name." })
        .trim()
        .min(2, "Use at least 2 characters, for example “Our Zoom connection”.")
        .max(80, "Use at most 80 characters."),
    }),
    role: "admin",
  },
  async (ctx, input) => {
    const app = await startZoomApp(db(), ctx, input);
    redirect(appSetupUrl(ctx.workspace.slug, app.id, appSetupGuide.keys[0]));
  },
);

export const completeAppSetupStepAction = workspaceAction(
  { schema: z.object({ zoomAppId, step: z.string().min(1).max(40) }), role: "admin" },
  async (ctx, input) => {
    const next = await completeAppSetupStep(db(), ctx, input);
    redirect(appSetupUrl(ctx.workspace.slug, input.zoomAppId, next));
  },
);

export const saveAppSetupKeysAction = workspaceAction(
  { schema: z.preprocess(asCredentialForm, clientCredentialsSchema), role: "admin" },
  async (ctx, input) => {
    const next = await saveAppSetupKeys(db(), ctx, {
      zoomAppId: input.credentialId,
      clientId: input.clientId,
      clientSecret: input.clientSecret,
      pair: input.pair,
    });
    redirect(appSetupUrl(ctx.workspace.slug, input.credentialId, next));
  },
);

export const saveAppSetupScopesAction = workspaceAction(
  { schema: z.preprocess(asCredentialForm, scopesFormSchema), role: "admin" },
  async (ctx, input) => {
    const next = await saveAppSetupScopes(db(), ctx, {
      zoomAppId: input.credentialId,
      choiceIds: input.scope,
    });
    redirect(appSetupUrl(ctx.workspace.slug, input.credentialId, next));
  },
);
