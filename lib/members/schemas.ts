import { z } from "zod";
import { roleSchema } from "@/lib/auth/roles";

const id = z
  .string({ error: "Something is missing from the form. Reload the page and try again." })
  .min(1)
  .max(64);

export const inviteSchema = z.object({ role: roleSchema });
// A checkbox: "on" when ticked, absent when not.
const checkbox = z
  .literal("on")
  .optional()
  .transform((value) => value === "on");

export const changeRoleSchema = z.object({ membershipId: id, role: roleSchema, revokeApiKeys: checkbox });
export const removeMemberSchema = z.object({ membershipId: id, revokeApiKeys: checkbox });
export const revokeInviteSchema = z.object({ inviteId: id });
