import { z } from "zod";

/** A Zoom app's id as a form sends it back; the lib call behind each action scopes it to the workspace. */
export const zoomAppIdSchema = z.string().min(1).max(64);
