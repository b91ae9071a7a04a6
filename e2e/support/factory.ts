import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { createDb } from "../../lib/db/client";
import { hashPassword } from "../../lib/auth/password";
import type { Role } from "../../lib/auth/roles";
import { createWorkspace } from "../../lib/workspaces/create-workspace";

/**
 * Each test makes its own people and workspaces, straight through the app's
 * own lib/ functions and database, so specs run in parallel without sharing.
 */
const db = createDb(process.env.DATABASE_URL!);

export const PASSWORD = "correct horse battery";

export type TestUser = { id: string; name: string; email: string; password: string };
export type TestWorkspace = { id: string; slug: string; name: string };

export function unique(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}

export async function createUser(name = "Test Person"): Promise<TestUser> {
  const email = `${unique("person")}@example.com`;
  const user = await db.user.create({
    data: { name, email, passwordHash: await hashPassword(PASSWORD) },
    select: { id: true },
  });
  return { id: user.id, name, email, password: PASSWORD };
}

export async function createWorkspaceWithOwner(
  name = unique("Workspace"),
): Promise<{ owner: TestUser; workspace: TestWorkspace }> {
  const owner = await createUser("Olivia Owner");
  const { slug } = await createWorkspace(db, { userId: owner.id, userName: owner.name, workspaceName: name });
  const workspace = await db.workspace.findUniqueOrThrow({
    where: { slug },
    select: { id: true, slug: true, name: true },
  });
  return { owner, workspace };
}

export async function addMember(
  workspace: TestWorkspace,
  role: Role,
  name = "Morgan Member",
): Promise<TestUser> {
  const user = await createUser(name);
  await db.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role } });
  return user;
}

export function testDb() {
  return db;
}

/** Signs in through next-auth's API (the UI sign-in has its own spec). */
export async function signInByApi(page: Page, user: TestUser): Promise<void> {
  const csrf = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken: csrf.csrfToken, email: user.email, password: user.password, json: "true" },
  });
  if (!response.ok()) throw new Error(`sign-in failed: HTTP ${response.status()}`);
  const cookies = await page.context().cookies();
  if (!cookies.some((cookie) => cookie.name.endsWith("next-auth.session-token")))
    throw new Error("sign-in failed: no session cookie");
}
