// Many OAuth connections at once, each holding a live token set the Zoom
// emulator knows (minted through its POST /__emulator/token-sets), written
// with createMany: the keeper's tests and its bench (100,000 rows) use it.
import { randomBytes } from "node:crypto";
import type { EmulatorControl } from "@/testing/zoom-emulator/control-client";
import { encrypt } from "@/lib/crypto";
import { credentialSecretContext, zoomAppSecretContext } from "@/lib/crypto/encrypted-columns";
import type { Db } from "@/lib/db/client";
import { refreshTokenExpiry } from "@/lib/credentials/tokens/refresh-token-expiry";
import { keeperRowSelect, nextDueAt, type KeeperRow } from "../../lib/keeper/keeper-rules";

export type SeedRow = Partial<
  Pick<
    KeeperRow,
    | "status"
    | "accessTokenExpiresAt"
    | "refreshTokenExpiresAt"
    | "lastRefreshedAt"
    | "lastTestedAt"
    | "lastUsedAt"
    | "nextAttemptAt"
  >
> & { name?: string; keeperDueAt?: Date | null };

export type SeedApp = { clientId: string; clientSecret: string; userId: string; accountId: string };

/** One workspace, owner and Zoom app holding all the seeded connections. */
export async function seedWorkspace(db: Db, app: SeedApp) {
  const suffix = randomBytes(6).toString("hex");
  const user = await db.user.create({
    data: { email: `keeper-${suffix}@example.com`, name: "Keeper owner", passwordHash: "x" },
  });
  const workspace = await db.workspace.create({ data: { name: "Keeper", slug: `keeper-${suffix}` } });
  const zoomAppId = `app_${suffix}`;
  await db.zoomApp.create({
    data: {
      id: zoomAppId,
      workspaceId: workspace.id,
      createdById: user.id,
      name: "Keeper app",
      kind: "oauth",
      developmentClientId: app.clientId,
      developmentClientSecretEnc: encrypt(
        app.clientSecret,
        zoomAppSecretContext(zoomAppId, "developmentClientSecretEnc"),
      ),
      accountId: app.accountId,
    },
  });
  return { suffix, userId: user.id, workspaceId: workspace.id, zoomAppId };
}

const CHUNK = 2_000;

/**
 * `rows.length` connected OAuth credentials; each row's fields as given, the
 * rest as a fresh connection has them. `keeperDueAt` defaults to what the
 * keeper itself would have scheduled (nextDueAt at `now`). Returns the ids in order.
 */
export async function seedConnections(
  db: Db,
  control: EmulatorControl,
  app: SeedApp,
  rows: SeedRow[],
  now = new Date(),
): Promise<string[]> {
  const space = await seedWorkspace(db, app);
  const ids: string[] = [];
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const mint = () =>
      control.mintTokenSets({ clientId: app.clientId, userId: app.userId, count: chunk.length });
    // A kept-alive socket the emulator closed while we were writing rows: try once more (extra sets are harmless).
    const sets = await mint().catch(mint);
    const data = chunk.map((row, i) => {
      const set = sets[i]!;
      const id = `kc${space.suffix}x${start + i}`;
      ids.push(id);
      const shaped: KeeperRow = {
        id,
        workspaceId: space.workspaceId,
        method: "oauth",
        status: row.status ?? "connected",
        version: 0,
        accessTokenExpiresAt: row.accessTokenExpiresAt ?? new Date(set.accessExpiresAt),
        refreshTokenExpiresAt:
          row.refreshTokenExpiresAt !== undefined
            ? row.refreshTokenExpiresAt
            : refreshTokenExpiry(set.refreshToken),
        lastRefreshedAt: row.lastRefreshedAt ?? now,
        lastTestedAt: row.lastTestedAt ?? now,
        lastUsedAt: row.lastUsedAt ?? null,
        nextAttemptAt: row.nextAttemptAt ?? null,
        keeperDueAt: null,
      };
      return {
        ...shaped,
        keeperDueAt: row.keeperDueAt !== undefined ? row.keeperDueAt : nextDueAt(shaped, now),
        ownerId: space.userId,
        zoomAppId: space.zoomAppId,
        name: row.name ?? `Connection ${start + i}`,
        accessTokenEnc: encrypt(set.accessToken, credentialSecretContext(id, "accessTokenEnc")),
        refreshTokenEnc: encrypt(set.refreshToken, credentialSecretContext(id, "refreshTokenEnc")),
        grantedScopes: set.scopes.join(" "),
        zoomUserId: app.userId,
        zoomEmail: "pat.person@example.com",
        zoomAccountId: app.accountId,
      };
    });
    await db.credential.createMany({ data });
  }
  return ids;
}

export function readKeeperRow(db: Db, id: string) {
  return db.credential.findUniqueOrThrow({ where: { id }, select: keeperRowSelect });
}
