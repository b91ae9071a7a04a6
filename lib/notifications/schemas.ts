import { z } from "zod";

/** A checkbox sends "on" when ticked and nothing when not. */
export const emailPreferenceSchema = z.object({ email: z.literal("on").optional() });

export const webhookSchema = z.object({
  url: z
    .string({ error: "Enter the webhook URL." })
    .trim()
    .min(1, "Enter the webhook URL, like https://hooks.example.com/zoom-wizard.")
    .max(2000, "Use a URL of at most 2000 characters."),
  newSecret: z.literal("on").optional(),
});
