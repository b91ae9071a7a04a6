import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WorkspaceContext } from "@/lib/auth/guard";
import { listKeyCredentialChoices } from "@/lib/api-keys/list-key-credential-choices";
import { listAuditFilterChoices } from "@/lib/audit/audit-filter-choices";
import { findLinkLastTry } from "@/lib/connect-links/find-link-last-try";
import {
  credentialFiltersHref,
  isFiltered,
  parseCredentialFilters,
} from "@/lib/credentials/credential-filters";
import { listWorkspaceCredentials } from "@/lib/credentials/list-workspace-credentials";
import { createTempDatabase } from "@/lib/db/temp-database";
import { findAppSetupStep } from "@/lib/zoom-apps/find-app-setup-step";
import { loadWorkspaceNotices } from "./workspace-notices";

// The loaders the workspace's pages read through: each stays inside its workspace, and the
// header's notices follow the role (an admin hears of every credential, a member of their own).
let temp: Awaited<ReturnType<typeof createTempDatabase>>;
const ids = {
  ours: "",
  theirs: "",
  admin: "",
  member: "",
  app: "",
  otherApp: "",
  draft: "",
  foreignDraft: "",
};

beforeAll(async () => {
  temp = await createTempDatabase();
  const db = temp.db;
  const [ours, theirs] = await Promise.all(
    ["w-loaders-1", "w-loaders-2"].map((slug) => db.workspace.create({ data: { name: slug, slug } })),
  );
  const person = (email: string, name: string) =>
    db.user.create({ data: { email, name, passwordHash: "x" } });
  const [admin, member] = await Promise.all([person("a@example.com", "Ada"), person("m@example.com", "Max")]);
  await db.membership.createMany({
    data: [
      { workspaceId: ours!.id, userId: admin.id, role: "admin" },
      { workspaceId: ours!.id, userId: member.id, role: "member" },
      { workspaceId: theirs!.id, userId: admin.id, role: "owner" },
    ],
  });
  const app = (workspaceId: string, setupStep: string | null) =>
    db.zoomApp.create({
      data: { workspaceId, createdById: admin.id, name: "App", kind: "oauth", shared: true, setupStep },
    });
  const [ourApp, theirApp] = await Promise.all([app(ours!.id, "scopes"), app(theirs!.id, "keys")]);
  const credential = (workspaceId: string, ownerId: string, name: string, status: string, extra = {}) =>
    db.credential.create({ data: { workspaceId, ownerId, name, method: "oauth", status, ...extra } });
  await credential(ours!.id, admin.id, "Ada broken", "needs_reconnect");
  await credential(ours!.id, member.id, "Max broken", "needs_reconnect");
  await credential(ours!.id, member.id, "Max removed", "revoked", { lastErrorCode: "app_deauthorized" });
  await credential(ours!.id, member.id, "Max fine", "connected", { zoomEmail: "max@zoom.example" });
  const draft = await credential(ours!.id, member.id, "Max draft", "draft", {
    lastErrorMessage: "Zoom said no",
  });
  const foreignDraft = await credential(theirs!.id, admin.id, "Elsewhere", "draft", {
    lastErrorMessage: "not ours",
  });
  await credential(theirs!.id, admin.id, "Elsewhere broken", "needs_reconnect");
  Object.assign(ids, {
    ours: ours!.id,
    theirs: theirs!.id,
    admin: admin.id,
    member: member.id,
    app: ourApp.id,
    otherApp: theirApp.id,
    draft: draft.id,
    foreignDraft: foreignDraft.id,
  });
});

afterAll(async () => {
  await temp?.cleanup();
});

const ctx = (role: "admin" | "member"): WorkspaceContext => ({
  user: { id: role === "admin" ? ids.admin : ids.member, name: role, email: `${role}@example.com` },
  workspace: { id: ids.ours, slug: "w-loaders-1", name: "w-loaders-1" },
  role,
});

describe("workspace notices", () => {
  it("counts every credential of the workspace for an admin, only one's own for a member", async () => {
    expect(await loadWorkspaceNotices(temp.db, ctx("admin"))).toEqual({
      needReconnect: 2,
      removedInZoom: 1,
      n8nFailing: [],
    });
    const forMember = await loadWorkspaceNotices(temp.db, { ...ctx("member") });
    expect(forMember.needReconnect).toBe(1);
    expect(forMember.removedInZoom).toBe(1);
  });
});

describe("the admins' credentials list", () => {
  it("lists, counts and filters one workspace's credentials", async () => {
    const all = await listWorkspaceCredentials(temp.db, ids.ours, parseCredentialFilters({}));
    expect(all.total).toBe(5);
    expect(all.counts).toMatchObject({ needs_reconnect: 2, revoked: 1, connected: 1, draft: 1 });
    expect(all.rows.map((row) => row.name)).not.toContain("Elsewhere");
    const broken = await listWorkspaceCredentials(
      temp.db,
      ids.ours,
      parseCredentialFilters({ status: "needs_reconnect", owner: ids.member }),
    );
    expect(broken.rows.map((row) => row.name)).toEqual(["Max broken"]);
  });

  it("keeps filters in its links and leaves the defaults out", () => {
    const filters = parseCredentialFilters({ status: "revoked", page: "3", sort: "bogus" });
    expect(isFiltered(filters)).toBe(true);
    expect(isFiltered(parseCredentialFilters({ sort: "name", page: "2" }))).toBe(false);
    expect(credentialFiltersHref("/w/x/credentials", filters, { page: 1 })).toBe(
      "/w/x/credentials?status=revoked&sort=createdAt&dir=desc",
    );
  });
});

describe("page loaders stay inside their workspace", () => {
  it("offers an API key only this workspace's finished credentials", async () => {
    const names = (await listKeyCredentialChoices(temp.db, ids.ours)).map((c) => c.name).sort();
    expect(names).toEqual(["Ada broken", "Max broken", "Max fine", "Max removed"]);
  });

  it("names this workspace's people and credentials in the audit filters", async () => {
    const choices = await listAuditFilterChoices(temp.db, ids.ours);
    expect(choices.people.map((p) => p.name).sort()).toEqual(["Ada", "Max"]);
    expect(choices.credentials).toHaveLength(5);
    expect(await listAuditFilterChoices(temp.db, "")).toEqual({ people: [], credentials: [] });
  });

  it("reads a connect link's last try from its own draft only", async () => {
    expect(await findLinkLastTry(temp.db, { workspaceId: ids.ours, credentialId: ids.draft })).toBe(
      "Zoom said no",
    );
    expect(await findLinkLastTry(temp.db, { workspaceId: ids.ours, credentialId: ids.foreignDraft })).toBe(
      null,
    );
    expect(await findLinkLastTry(temp.db, { workspaceId: ids.ours, credentialId: null })).toBe(null);
  });

  it("reads a Zoom app's setup progress inside its workspace", async () => {
    expect(await findAppSetupStep(temp.db, ids.ours, ids.app)).toBe("scopes");
    expect(await findAppSetupStep(temp.db, ids.ours, ids.otherApp)).toBe(null);
  });
});
