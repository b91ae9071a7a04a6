import { describe, expect, it } from "vitest";
import { decideAccess } from "./access";
import type { Role } from "./roles";

describe("the guard's decision", () => {
  const cases: [string | null, Role | null, Role, string][] = [
    [null, null, "member", "unauthenticated"],
    [null, "owner", "member", "unauthenticated"],
    ["u1", null, "member", "not_found"],
    ["u1", null, "admin", "not_found"],
    ["u1", "member", "member", "ok"],
    ["u1", "member", "admin", "forbidden"],
    ["u1", "admin", "admin", "ok"],
    ["u1", "admin", "owner", "forbidden"],
    ["u1", "owner", "admin", "ok"],
    ["u1", "owner", "owner", "ok"],
  ];
  it.each(cases)("user %s with role %s needing %s → %s", (userId, membershipRole, required, expected) => {
    expect(decideAccess({ userId, membershipRole, required })).toBe(expected);
  });
});
