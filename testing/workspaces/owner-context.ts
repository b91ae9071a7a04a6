import type { WorkspaceContext } from "@/lib/auth/guard";
import type { Db } from "@/lib/db/client";
import { createWorkspace } from "@/lib/workspaces/create-workspace";

/** A new person, owner of a new workspace, as the guard would hand them to lib/ functions. */
export async function ownerContext(db: Db, name: string): Promise<WorkspaceContext> {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}@example.com`;
  const owner = await db.user.create({ data: { email, name, passwordHash: "x" } });
  const { slug } = await createWorkspace(db, {
    userId: owner.id,
    userName: name,
    workspaceName: `${name}'s team`,
  });
  const workspace = await db.workspace.findUniqueOrThrow({
    where: { slug },
    select: { id: true, slug: true, name: true },
  });
  return { user: { id: owner.id, name, email }, workspace, role: "owner" };
}
