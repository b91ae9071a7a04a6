import type { Db } from "@/lib/db/client";
import { runConnectionTest } from "@/lib/credentials/run-connection-test";
import { markExpiringSoon, markNeedsReconnect } from "@/lib/credentials/transitions";
import { getAccessToken } from "@/lib/credentials/tokens/get-access-token";
import { TokenUnavailableError } from "@/lib/credentials/tokens/token-errors";

const RENEW_AHEAD_MS = 10 * 60_000;
const TEST_EVERY_MS = 24 * 60 * 60_000;
const LEGACY_WARNING_MS = 7 * 24 * 60 * 60_000;
const BATCH = 50;
const KEEPER = { system: true as const, label: "Token keeper" };

export type TickReport = {
  renewed: number;
  renewFailed: number;
  tested: number;
  testFailed: number;
  markedExpiring: number;
  markedExpired: number;
};

/**
 * One round of the background keeper:
 * - OAuth tokens that expire within 10 minutes are renewed (through the same
 *   lease as every other renewal, so it never races a node's request);
 * - connected credentials not tested for a day are tested (GET /users/me);
 * - legacy tokens are marked Expiring soon within 7 days, and Needs
 *   reconnect once expired; OAuth credentials whose refresh token (by its
 *   exp hint) runs out within 7 days are marked Expiring soon too.
 *   Server-to-Server tokens are minted on demand.
 */
export async function keeperTick(db: Db, now = new Date()): Promise<TickReport> {
  const report: TickReport = {
    renewed: 0,
    renewFailed: 0,
    tested: 0,
    testFailed: 0,
    markedExpiring: 0,
    markedExpired: 0,
  };

  const due = await db.credential.findMany({
    where: {
      method: "oauth",
      status: { in: ["connected", "expiring_soon", "error"] },
      accessTokenExpiresAt: { lt: new Date(now.getTime() + RENEW_AHEAD_MS) },
      OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lt: now } }],
    },
    select: { id: true },
    take: BATCH,
  });
  for (const { id } of due) {
    try {
      await getAccessToken(db, id, { minValidityMs: RENEW_AHEAD_MS });
      report.renewed++;
    } catch (error) {
      if (!(error instanceof TokenUnavailableError)) throw error;
      report.renewFailed++;
    }
  }

  const untested = await db.credential.findMany({
    where: {
      method: { in: ["oauth", "s2s"] },
      status: "connected",
      OR: [{ lastTestedAt: null }, { lastTestedAt: { lt: new Date(now.getTime() - TEST_EVERY_MS) } }],
    },
    select: { id: true, workspaceId: true, method: true, version: true },
    orderBy: { lastTestedAt: "asc" },
    take: BATCH,
  });
  for (const credential of untested) {
    const result = await runConnectionTest(db, credential, { actor: KEEPER, auditSuccess: false, now });
    if (result.ok) report.tested++;
    else report.testFailed++;
  }

  report.markedExpired = await markNeedsReconnect(
    db,
    {
      where: {
        method: "access_token",
        status: { in: ["connected", "expiring_soon"] },
        accessTokenExpiresAt: { lt: now },
      },
    },
    {
      now,
      error: {
        code: "expired",
        message: "The pasted access token has expired. Paste a new one (Reconnect).",
      },
    },
  );
  const expiring = await markExpiringSoon(db, {
    where: {
      method: "access_token",
      status: "connected",
      accessTokenExpiresAt: { lt: new Date(now.getTime() + LEGACY_WARNING_MS) },
    },
  });
  // OAuth: the refresh token's own expiry (a hint read from the token) within a week.
  const refreshExpiring = await markExpiringSoon(
    db,
    {
      where: {
        method: "oauth",
        status: "connected",
        refreshTokenExpiresAt: { lt: new Date(now.getTime() + LEGACY_WARNING_MS) },
      },
    },
    {
      message:
        "Zoom’s refresh token for this connection expires within a week. Reconnect it before then to keep it working.",
    },
  );
  report.markedExpiring = expiring + refreshExpiring;
  return report;
}
