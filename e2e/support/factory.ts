import { randomBytes } from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import { createDb } from "../../lib/db/client";
import bcrypt from "bcryptjs";
import type { Role } from "../../lib/auth/roles";
import { createWorkspace } from "../../lib/workspaces/create-workspace";

/**
 * Each test makes its own people and workspaces, straight through the app's
 * own lib/ functions and database, so specs run in parallel without sharing.
 */
const db = createDb(process.env.DATABASE_URL!);

export const PASSWORD = "correct horse battery";

// Everyone made here shares PASSWORD, so its hash is made once per worker, and at bcrypt's
// lowest cost: the server checks a hash at the cost the hash names, and at the app's cost 12
// every seeded person and every sign-in cost ~0.3 s of CPU (more under load) on a 2-core
// machine. Accounts made through the app's own screens are still hashed at cost 12.
const SEEDED_COST = 4;
let seededHash: Promise<string> | undefined;
const seededPasswordHash = () => (seededHash ??= bcrypt.hash(PASSWORD, SEEDED_COST));

export type TestUser = { id: string; name: string; email: string; password: string };
export type TestWorkspace = { id: string; slug: string; name: string };

export function unique(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}

export async function createUser(name = "Test Person"): Promise<TestUser> {
  const email = `${unique("person")}@example.com`;
  const user = await db.user.create({
    data: { name, email, passwordHash: await seededPasswordHash() },
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
  await signInWithRequest(page.request, user);
  const cookies = await page.context().cookies();
  if (!cookies.some((cookie) => cookie.name.endsWith("next-auth.session-token")))
    throw new Error("sign-in failed: no session cookie");
}

/** The same with a request context of its own. */
export async function signInWithRequest(api: APIRequestContext, user: TestUser): Promise<void> {
  const csrf = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await api.post("/api/auth/callback/credentials", {
    form: { csrfToken: csrf.csrfToken, email: user.email, password: user.password, json: "true" },
  });
  if (!response.ok()) throw new Error(`sign-in failed: HTTP ${response.status()}`);
  const error = new URL(((await response.json()) as { url: string }).url).searchParams.get("error");
  if (error) throw new Error(`sign-in failed: ${error}`);
}
