import { z } from "zod";

/** A Zoom app's id as a form sends it back; the lib call behind each action scopes it to the workspace. */
export const zoomAppIdSchema = z.string().min(1).max(64);

/** The Secret Token Zoom shows for an app's event subscription, as pasted into the app's page. */
export const eventSecretTokenSchema = z
  .string({ error: "Paste the Secret Token from your app’s Features page." })
  .trim()
  .min(8, "That is too short for a Zoom Secret Token: copy the whole value.")
  .max(200, "That is too long for a Zoom Secret Token.")
  .regex(/^\S+$/, "A Secret Token has no spaces: copy only the token.");
