import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WorkspaceContext } from "@/lib/auth/guard";
import type { Role } from "@/lib/auth/roles";
import { createTempDatabase } from "@/lib/db/temp-database";
import { ownerContext } from "@/testing/workspaces/owner-context";
import { changeMemberRole, removeMember } from "./manage-members";

// A connect link acts with its maker's permission, and makes a connection for
// its owner: links go when their maker is no longer an admin, or when the
// person they connect for leaves — as invites already do.

let temp: Awaited<ReturnType<typeof createTempDatabase>>;
beforeAll(async () => {
  temp = await createTempDatabase();
});
afterAll(() => temp.cleanup());

let round = 0;

/** A workspace (its owner acting), a Zoom app, and a person of `role` in it. */
async function workspaceWith(role: Role) {
  round += 1;
  const owner = await ownerContext(temp.db, `Owner ${round}`);
  const person = await temp.db.user.create({
    data: { email: `person${round}@example.com`, name: `Pat ${round}`, passwordHash: "x" },
  });
  const membership = await temp.db.membership.create({
    data: { workspaceId: owner.workspace.id, userId: person.id, role },
  });
  const app = await temp.db.zoomApp.create({
    data: {
      workspaceId: owner.workspace.id,
      createdById: owner.user.id,
      name: "App",
      kind: "oauth",
      shared: true,
    },
  });
  const link = (createdById: string, ownerId: string, extra: { usedAt?: Date } = {}) =>
    temp.db.connectLink.create({
      data: {
        workspaceId: owner.workspace.id,
        zoomAppId: app.id,
        tokenHash: `hash-${round}-${Math.random()}`,
        ownerId,
        createdById,
        expiresAt: new Date(Date.now() + 86_400_000),
        ...extra,
      },
    });
  return { owner, person, membershipId: membership.id, link };
}

async function openLinks(ids: string[]) {
  const rows = await temp.db.connectLink.findMany({ where: { id: { in: ids }, revokedAt: null } });
  return rows.map((row) => row.id).sort();
}

const auditOf = (ctx: WorkspaceContext) =>
  temp.db.auditEvent.findMany({
    where: { workspaceId: ctx.workspace.id, action: "connect_link.revoked" },
    select: { targetUserId: true, details: true },
  });

describe("connect links of a person who loses access", () => {
  it("an admin demoted to member: the links they made stop working; links that connect for them stay", async () => {
    const { owner, person, membershipId, link } = await workspaceWith("admin");
    const made = await link(person.id, owner.user.id);
    const madeForThemselves = await link(person.id, person.id);
    const used = await link(person.id, owner.user.id, { usedAt: new Date() });
    const forThem = await link(owner.user.id, person.id);
    const others = await link(owner.user.id, owner.user.id);

    await changeMemberRole(temp.db, owner, { membershipId, role: "member" });
    expect(await openLinks([made.id, madeForThemselves.id, used.id, forThem.id, others.id])).toEqual(
      [used.id, forThem.id, others.id].sort(),
    );
    // A used link has nothing left to revoke: it keeps its history.
    expect((await temp.db.connectLink.findUniqueOrThrow({ where: { id: used.id } })).revokedAt).toBeNull();
    const audit = await auditOf(owner);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ targetUserId: person.id });
    expect(JSON.parse(String(audit[0]!.details))).toEqual({
      count: 2,
      reason: `${person.name} is no longer an admin`,
    });
  });

  it("an admin who becomes an owner keeps their links", async () => {
    const { owner, person, membershipId, link } = await workspaceWith("admin");
    const made = await link(person.id, owner.user.id);
    await changeMemberRole(temp.db, owner, { membershipId, role: "owner" });
    expect(await openLinks([made.id])).toEqual([made.id]);
    expect(await auditOf(owner)).toEqual([]);
  });

  it("a person removed: the links they made and the links that would connect for them stop working", async () => {
    const { owner, person, membershipId, link } = await workspaceWith("admin");
    const made = await link(person.id, owner.user.id);
    const forThem = await link(owner.user.id, person.id);
    const others = await link(owner.user.id, owner.user.id);
    await removeMember(temp.db, owner, { membershipId });
    expect(await openLinks([made.id, forThem.id, others.id])).toEqual([others.id]);
    const audit = await auditOf(owner);
    expect(audit.map((a) => JSON.parse(String(a.details)) as unknown)).toEqual([
      { count: 2, reason: `${person.name} left the workspace` },
    ]);
  });

  it("a member removed: the links that would connect for them stop working", async () => {
    const { owner, person, membershipId, link } = await workspaceWith("member");
    const forThem = await link(owner.user.id, person.id);
    await removeMember(temp.db, owner, { membershipId });
    expect(await openLinks([forThem.id])).toEqual([]);
  });
});
