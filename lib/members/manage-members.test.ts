import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "@/lib/db/temp-database";
import type { WorkspaceContext } from "@/lib/auth/guard";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { changeMemberRole, removeMember } from "./manage-members";

let temp: Awaited<ReturnType<typeof createTempDatabase>>;
beforeAll(async () => {
  temp = await createTempDatabase();
});
afterAll(() => temp.cleanup());

/** A workspace with two owners, each with the context they act in. */
async function twoOwners(round: number) {
  const [a, b] = await Promise.all(
    ["a", "b"].map((who) =>
      temp.db.user.create({
        data: { email: `${who}${round}@example.com`, name: `Owner ${who}`, passwordHash: "x" },
      }),
    ),
  );
  const { slug } = await createWorkspace(temp.db, {
    userId: a!.id,
    userName: a!.name,
    workspaceName: `Race ${round}`,
  });
  const workspace = await temp.db.workspace.findUniqueOrThrow({ where: { slug } });
  await temp.db.membership.create({ data: { workspaceId: workspace.id, userId: b!.id, role: "owner" } });
  const memberships = await temp.db.membership.findMany({ where: { workspaceId: workspace.id } });
  const ctx = (user: typeof a): WorkspaceContext => ({
    user: { id: user!.id, name: user!.name, email: user!.email },
    workspace: { id: workspace.id, slug, name: workspace.name },
    role: "owner",
  });
  const membershipOf = (user: typeof a) => memberships.find((m) => m.userId === user!.id)!.id;
  return {
    workspace,
    a: { ctx: ctx(a), membershipId: membershipOf(a) },
    b: { ctx: ctx(b), membershipId: membershipOf(b) },
  };
}

describe("owners acting at the same moment", () => {
  it("two owners demoting each other leave one owner", async () => {
    for (let round = 0; round < 8; round++) {
      const { workspace, a, b } = await twoOwners(round);
      await Promise.allSettled([
        changeMemberRole(temp.db, a.ctx, { membershipId: b.membershipId, role: "admin" }),
        changeMemberRole(temp.db, b.ctx, { membershipId: a.membershipId, role: "member" }),
      ]);
      expect(await temp.db.membership.count({ where: { workspaceId: workspace.id, role: "owner" } })).toBe(1);
    }
  });

  it("two owners removing each other leave one owner", async () => {
    for (let round = 100; round < 108; round++) {
      const { workspace, a, b } = await twoOwners(round);
      await Promise.allSettled([
        removeMember(temp.db, a.ctx, { membershipId: b.membershipId }),
        removeMember(temp.db, b.ctx, { membershipId: a.membershipId }),
      ]);
      expect(await temp.db.membership.count({ where: { workspaceId: workspace.id, role: "owner" } })).toBe(1);
    }
  });
});
