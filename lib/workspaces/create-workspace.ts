import type { Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { hashPassword } from "@/lib/auth/password";
import { TOO_MANY_ATTEMPTS, addressKeys, takeAttempt } from "@/lib/auth/rate-limit";
import { serializeOn } from "@/lib/db/serialize";
import { AppError } from "@/lib/errors/app-error";
import { workspaceSlug } from "./slug";

/**
 * First run: the very first person creates the first workspace and becomes
 * its owner. Refused once anyone exists — after that, people join by invite.
 */
export async function setupFirstWorkspace(
  db: Db,
  input: { workspaceName: string; name: string; email: string; password: string },
  ip: string | null = null,
): Promise<{ userId: string; slug: string }> {
  // Answered before the slow hash, which anyone could otherwise make us run.
  if (!(await isFirstRun(db))) throw alreadySetUp();
  if (!(await takeAttempt(db, ["setup:first-run", ...addressKeys(ip)])).allowed)
    throw new AppError("rate_limited", TOO_MANY_ATTEMPTS);
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    // Two first visitors at once: the second waits here, then finds the first.
    await serializeOn(tx, "first-run");
    if ((await tx.user.count()) > 0) throw alreadySetUp();
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, passwordHash },
      select: { id: true },
    });
    const workspace = await tx.workspace.create({
      data: { name: input.workspaceName, slug: workspaceSlug(input.workspaceName) },
    });
    await tx.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role: "owner" } });
    await recordAuditEvent(tx, {
      workspaceId: workspace.id,
      action: "workspace.created",
      actor: { userId: user.id, label: input.name },
      details: { name: input.workspaceName },
    });
    return { userId: user.id, slug: workspace.slug };
  });
}

const alreadySetUp = () =>
  new AppError("conflict", "This app is already set up. Sign in, or ask an admin for an invite link.");

/** A signed-in person starts another workspace, of which they are the owner. */
export async function createWorkspace(
  db: Db,
  input: { userId: string; userName: string; workspaceName: string },
): Promise<{ slug: string }> {
  return db.$transaction(async (tx) => {
    const workspace = await tx.workspace.create({
      data: { name: input.workspaceName, slug: workspaceSlug(input.workspaceName) },
    });
    await tx.membership.create({ data: { workspaceId: workspace.id, userId: input.userId, role: "owner" } });
    await recordAuditEvent(tx, {
      workspaceId: workspace.id,
      action: "workspace.created",
      actor: { userId: input.userId, label: input.userName },
      details: { name: input.workspaceName },
    });
    return { slug: workspace.slug };
  });
}

export async function isFirstRun(db: Db): Promise<boolean> {
  return (await db.user.count()) === 0;
}

export async function listMyWorkspaces(db: Db, userId: string) {
  const memberships = await db.membership.findMany({
    where: { userId },
    select: { role: true, workspace: { select: { slug: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return memberships.map((m) => ({ slug: m.workspace.slug, name: m.workspace.name, role: m.role }));
}
