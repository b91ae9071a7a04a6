import { hasRole, type Role } from "./roles";

export type AccessDecision = "ok" | "unauthenticated" | "not_found" | "forbidden";

/**
 * The guard's decision, kept pure so it can be tested on its own. Someone
 * who is not a member of a workspace gets "not_found" — we do not tell
 * strangers that a workspace exists.
 */
export function decideAccess(input: {
  userId: string | null;
  membershipRole: Role | null;
  required: Role;
}): AccessDecision {
  if (!input.userId) return "unauthenticated";
  if (!input.membershipRole) return "not_found";
  if (!hasRole(input.membershipRole, input.required)) return "forbidden";
  return "ok";
}
