import "server-only";
import { forbidden, notFound, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { decideAccess } from "./access";
import { roleSchema, type Role } from "./roles";
import { getSessionUser, type SessionUser } from "./session";

export type WorkspaceContext = {
  user: SessionUser;
  workspace: { id: string; slug: string; name: string };
  role: Role;
};

// Read once per request: the layout and the page both guard the same workspace.
const findMembership = cache((userId: string, slug: string) =>
  db().membership.findFirst({
    where: { userId, workspace: { slug } },
    select: { role: true, workspace: { select: { id: true, slug: true, name: true } } },
  }),
);

async function loadContext(slug: string, required: Role) {
  const user = await getSessionUser();
  // An undefined value in a Prisma `where` silently drops the filter: never let one through.
  const membership =
    user && typeof slug === "string" && slug.length > 0 ? await findMembership(user.id, slug) : null;
  const role = membership ? roleSchema.parse(membership.role) : null;
  const decision = decideAccess({ userId: user?.id ?? null, membershipRole: role, required });
  return { decision, user, membership, role };
}

/** For pages: redirects to sign-in, or renders the 404 / "not allowed" page. */
export async function requireWorkspacePage(
  slug: string,
  required: Role = "member",
): Promise<WorkspaceContext> {
  const { decision, user, membership, role } = await loadContext(slug, required);
  if (decision === "unauthenticated") redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/w/${slug}`)}`);
  if (decision === "not_found") notFound();
  if (decision === "forbidden") forbidden();
  return { user: user!, workspace: membership!.workspace, role: role! };
}

/** For server actions and route handlers: throws an AppError the caller maps to 401 / 404 / 403. */
export async function requireWorkspace(slug: string, required: Role = "member"): Promise<WorkspaceContext> {
  const { decision, user, membership, role } = await loadContext(slug, required);
  if (decision === "unauthenticated")
    throw new AppError("unauthenticated", "Your session has ended. Sign in again to continue.");
  if (decision === "not_found")
    throw new AppError("not_found", "That page does not exist, or you do not have access to it.");
  if (decision === "forbidden")
    throw new AppError("forbidden", "You are not allowed to do this. Ask a workspace admin.");
  return { user: user!, workspace: membership!.workspace, role: role! };
}

export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError("unauthenticated", "Your session has ended. Sign in again to continue.");
  return user;
}
