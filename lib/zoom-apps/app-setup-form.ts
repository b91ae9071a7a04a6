import { z } from "zod";

/**
 * "Add a Zoom app" reuses the wizard's forms (lib/guides/step-kinds.ts) with
 * the app's id in the hidden field `zoomAppId` where a credential's id would
 * be: the same rules for each field, whatever the wizard sets up.
 */
export function appSetupForm<S extends z.ZodType>(schema: S) {
  return z.preprocess(
    (value: unknown) =>
      typeof value === "object" && value !== null
        ? { ...value, credentialId: (value as { zoomAppId?: unknown }).zoomAppId }
        : value,
    schema,
  );
}
