import type { Db } from "@/lib/db/client";
import type { WorkspaceContext } from "@/lib/auth/guard";
import { findCredential } from "./find-credential";
import { runConnectionTest, type TestResult } from "./run-connection-test";

export type { TestResult } from "./run-connection-test";

/** "Test connection" by a person, on a credential they may see. */
export async function testConnection(
  db: Db,
  ctx: WorkspaceContext,
  credentialId: string,
  now = new Date(),
): Promise<TestResult> {
  const credential = await findCredential(db, ctx, credentialId);
  return runConnectionTest(db, credential, {
    actor: { userId: ctx.user.id, label: ctx.user.name },
    auditSuccess: true,
    now,
  });
}
