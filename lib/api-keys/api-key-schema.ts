import { z } from "zod";
import { KEY_ACTIONS } from "./key-scope";

// Checkboxes: none ticked sends nothing, one sends a string, several an array.
const ticked = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value): unknown[] => (value === undefined ? [] : Array.isArray(value) ? (value as unknown[]) : [value]),
    z.array(item),
  );

/** The create-key form, in the browser and on the server. */
export const createApiKeySchema = z
  .object({
    name: z
      .string({ error: "Give the key a name." })
      .trim()
      .min(2, "Use at least 2 characters, for example “n8n production”.")
      .max(60, "Use at most 60 characters."),
    actions: ticked(z.enum(KEY_ACTIONS, { error: "Choose what the key may do from the list." })).refine(
      (actions) => actions.length > 0,
      "Tick at least one thing the key may do.",
    ),
    connections: z.enum(["all", "chosen"], { error: "Choose which credentials the key may use." }),
    credentialIds: ticked(z.string().regex(/^[a-z0-9]{1,64}$/i, "Choose credentials from the list.")).refine(
      (ids) => ids.length <= 500,
      "Choose at most 500 credentials, or allow all.",
    ),
  })
  .refine((input) => input.connections === "all" || input.credentialIds.length > 0, {
    path: ["credentialIds"],
    message: "Tick the credentials this key may use, or allow all credentials.",
  });

export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;
