import { z } from "zod";
import { roleSchema } from "@/lib/auth/roles";

const id = z
  .string({ error: "Something is missing from the form. Reload the page and try again." })
  .min(1)
  .max(64);

export const inviteSchema = z.object({ role: roleSchema });
export const changeRoleSchema = z.object({ membershipId: id, role: roleSchema });
export const removeMemberSchema = z.object({ membershipId: id });
export const revokeInviteSchema = z.object({ inviteId: id });
