import { z } from "zod";
import { roleSchema } from "@/lib/auth/roles";

const id = z
  .string({ error: "Something is missing from the form. Reload the page and try again." })
  .min(1)
  .max(64);

// The invitee's address, in the admin's words (lib/auth's emailSchema speaks to the person signing up).
export const inviteeEmailSchema = z
  .string({ error: "Enter the email address of the person you invite." })
  .trim()
  .toLowerCase()
  .min(1, "Enter the email address of the person you invite.")
  .max(254, "That email address is too long.")
  .pipe(z.email({ error: "Enter an email address like name@example.com." }));

export const inviteSchema = z.object({ role: roleSchema, email: inviteeEmailSchema });
// A checkbox: "on" when ticked, absent when not.
const checkbox = z
  .literal("on")
  .optional()
  .transform((value) => value === "on");

export const changeRoleSchema = z.object({ membershipId: id, role: roleSchema, revokeApiKeys: checkbox });
export const removeMemberSchema = z.object({ membershipId: id, revokeApiKeys: checkbox });
export const revokeInviteSchema = z.object({ inviteId: id });

// The secret part of an invite link (/invite/<token>), as the join forms send it back.
export const inviteTokenSchema = z.string().min(1).max(100);
