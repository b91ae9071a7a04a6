import { z } from "zod";

export const ROLES = ["owner", "admin", "member"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

const rank: Record<Role, number> = { member: 1, admin: 2, owner: 3 };

export function hasRole(role: Role, atLeast: Role): boolean {
  return rank[role] >= rank[atLeast];
}

export const isAdmin = (role: Role) => hasRole(role, "admin");

export const roleLabels: Record<Role, string> = { owner: "Owner", admin: "Admin", member: "Member" };
