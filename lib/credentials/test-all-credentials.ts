import type { Db } from "@/lib/db/client";
import type { WorkspaceContext } from "@/lib/auth/guard";
import { testConnection } from "./test-connection";

// Zoom counts calls per account; a few hundred /users/me calls are nothing,
// but a workspace of thousands is tested by the keeper over the day instead.
const TEST_ALL_LIMIT = 200;

/** "Test all": every connected credential of the workspace, one after another. */
export async function testAllCredentials(db: Db, ctx: WorkspaceContext): Promise<string> {
  const credentials = await db.credential.findMany({
    where: { workspaceId: ctx.workspace.id, status: { in: ["connected", "expiring_soon", "error"] } },
    select: { id: true },
    orderBy: { lastTestedAt: "asc" },
    take: TEST_ALL_LIMIT,
  });
  let working = 0;
  for (const credential of credentials) if ((await testConnection(db, ctx, credential.id)).ok) working++;
  const failed = credentials.length - working;
  if (credentials.length === 0) return "There are no connected credentials to test.";
  const failures = failed ? `, ${failed} failed — see the table for what to do` : "";
  return `Tested ${credentials.length}: ${working} work${failures}.`;
}
