import { randomBytes } from "node:crypto";
import { testDb, type TestUser, type TestWorkspace } from "./factory";

/**
 * Rows written straight into the database for specs whose subject is what an
 * action refuses: the refused action must never reach them, so they need no
 * real tokens (those would need the server's key).
 */
export function seedCredential(
  workspace: TestWorkspace,
  owner: TestUser,
  data: { name: string; method: "oauth" | "s2s" | "access_token"; status?: string; wizardStep?: string },
) {
  const connected = data.status && data.status !== "draft";
  return testDb().credential.create({
    data: {
      workspaceId: workspace.id,
      ownerId: owner.id,
      ...data,
      ...(connected
        ? { zoomUserId: "zu-seeded", zoomEmail: "seeded@zoom-user.example", zoomName: "Sid Seeded" }
        : {}),
    },
  });
}

export async function seedInvite(workspace: TestWorkspace, createdBy: TestUser) {
  return testDb().invite.create({
    data: {
      workspaceId: workspace.id,
      role: "member",
      email: `invitee-${randomBytes(4).toString("hex")}@example.com`,
      tokenHash: randomBytes(32).toString("hex"),
      createdById: createdBy.id,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
}

export async function seedApiKey(workspace: TestWorkspace, createdBy: TestUser) {
  const hash = randomBytes(32).toString("hex");
  return testDb().apiKey.create({
    data: {
      workspaceId: workspace.id,
      name: "Seeded key",
      prefix: "zcw_seed",
      keyHash: hash,
      createdById: createdBy.id,
    },
  });
}

/** Everything a workspace holds, to show that a refused request changed none of it. */
export async function workspaceSnapshot(workspaceId: string) {
  const db = testDb();
  const byId = { orderBy: { id: "asc" as const } };
  const where = { where: { workspaceId } };
  return {
    credentials: await db.credential.findMany({ ...where, ...byId }),
    memberships: await db.membership.findMany({ ...where, ...byId }),
    invites: await db.invite.findMany({ ...where, ...byId }),
    apiKeys: await db.apiKey.findMany({ ...where, ...byId }),
    zoomApps: await db.zoomApp.findMany({ ...where, ...byId }),
    auditEvents: await db.auditEvent.count(where),
  };
}
