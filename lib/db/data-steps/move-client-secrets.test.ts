import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { postgresTarget, sqliteTarget, type MigrationTarget } from "@/testing/db/migration-targets";
import { credentialSecretContext, zoomAppSecretContext } from "@/lib/crypto/encrypted-columns";
import { buildKeyRing, type KeyRing } from "@/lib/crypto/keyring";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import { verifyStoredSecrets } from "@/lib/crypto/verify-stored-secrets";
import { createDb } from "../client";
import { migrateDatabase } from "../migrate";

// The release before Zoom apps had their own table.
const PREVIOUS = "20261122082243_keeper_and_admin_indexes";

type OldCredential = {
  id: string;
  method: "oauth" | "s2s" | "access_token";
  name: string;
  clientId: string | null;
  secret: string | null;
  accountId: string | null;
  scopes: string;
  accessToken: string | null;
  refreshToken: string | null;
};

const OLD: OldCredential[] = [
  {
    id: "cred-oauth",
    method: "oauth",
    name: "Sales Zoom",
    clientId: "oauthClient123",
    secret: "oauth-secret-0123456789abcdef",
    accountId: null,
    scopes: "user:read:user meeting:read:list_meetings",
    accessToken: "access-oauth",
    refreshToken: "refresh-oauth",
  },
  {
    id: "cred-s2s",
    method: "s2s",
    name: "Reports S2S",
    clientId: "s2sClient456",
    secret: "s2s-secret-0123456789abcdef",
    accountId: "acct-777",
    scopes: "",
    accessToken: "access-s2s",
    refreshToken: null,
  },
  // A draft that stopped after the Client ID: its half-filled keys move too.
  {
    id: "cred-half",
    method: "oauth",
    name: "Half done",
    clientId: "halfClient789",
    secret: null,
    accountId: null,
    scopes: "",
    accessToken: null,
    refreshToken: null,
  },
  // Needs no app: a pasted legacy token (its "client ID" was the token's issuer)…
  {
    id: "cred-jwt",
    method: "access_token",
    name: "Old JWT",
    clientId: "jwtIssuer",
    secret: null,
    accountId: null,
    scopes: "",
    accessToken: "pasted.jwt.token",
    refreshToken: null,
  },
  // …and a draft that never got keys.
  {
    id: "cred-empty",
    method: "oauth",
    name: "Just started",
    clientId: null,
    secret: null,
    accountId: null,
    scopes: "",
    accessToken: null,
    refreshToken: null,
  },
];

/** A database as the previous release left it, with secrets encrypted the way it encrypted them. */
async function oldDatabase(target: MigrationTarget, ring: KeyRing) {
  await migrateDatabase(target.url, { upTo: PREVIOUS, keyRing: () => ring });
  const now = new Date().toISOString();
  await target.exec(`INSERT INTO "User" ("id", "email", "name", "passwordHash") VALUES (?, ?, ?, ?)`, [
    "user-1",
    "owner@example.com",
    "Olga Owner",
    "x",
  ]);
  await target.exec(`INSERT INTO "Workspace" ("id", "slug", "name") VALUES (?, ?, ?)`, ["ws-1", "ws-1", "W"]);
  for (const c of OLD) {
    const sealed = (value: string | null, column: string) =>
      value === null ? null : encryptSecret(ring, value, `credential:${c.id}:${column}`);
    await target.exec(
      `INSERT INTO "Credential" ("id", "workspaceId", "ownerId", "name", "method", "status", "clientId", "clientSecretEnc", "accountId", "requestedScopes", "accessTokenEnc", "refreshTokenEnc", "updatedAt")
       VALUES (?, 'ws-1', 'user-1', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        c.id,
        c.name,
        c.method,
        c.accessToken ? "connected" : "draft",
        c.clientId,
        sealed(c.secret, "clientSecretEnc"),
        c.accountId,
        c.scopes,
        sealed(c.accessToken, "accessTokenEnc"),
        sealed(c.refreshToken, "refreshTokenEnc"),
        now,
      ],
    );
  }
}

const targets: [string, () => MigrationTarget][] = [
  ["SQLite", sqliteTarget],
  ["PostgreSQL", postgresTarget],
];

describe.each(targets)("the Zoom apps migration on %s", (_name, makeTarget) => {
  const made: MigrationTarget[] = [];
  const target = () => {
    const t = makeTarget();
    made.push(t);
    return t;
  };
  afterAll(async () => {
    for (const t of made) await t.cleanup();
  });

  it("gives every credential with keys an app of its own, secrets readable, nothing lost", async () => {
    const t = target();
    const ring = buildKeyRing([randomBytes(32)]);
    await oldDatabase(t, ring);

    const applied = await migrateDatabase(t.url, { keyRing: () => ring });
    expect(applied).toContain("20261201232442_zoom_apps");

    const db = createDb(t.url);
    try {
      const rows = await db.credential.findMany({
        select: {
          id: true,
          name: true,
          method: true,
          status: true,
          accessTokenEnc: true,
          refreshTokenEnc: true,
          zoomApp: {
            select: {
              id: true,
              workspaceId: true,
              createdById: true,
              name: true,
              kind: true,
              developmentClientId: true,
              developmentClientSecretEnc: true,
              productionClientId: true,
              productionClientSecretEnc: true,
              accountId: true,
              activePair: true,
              scopes: true,
              shared: true,
              eventSecretTokenEnc: true,
            },
          },
        },
      });
      expect(rows).toHaveLength(OLD.length);
      for (const old of OLD) {
        const row = rows.find((r) => r.id === old.id)!;
        expect({ name: row.name, method: row.method }).toEqual({ name: old.name, method: old.method });
        // The tokens stay on the credential, readable where they were.
        const opened = (value: string | null, column: "accessTokenEnc" | "refreshTokenEnc") =>
          value === null ? null : decryptSecret(ring, value, credentialSecretContext(old.id, column));
        expect(opened(row.accessTokenEnc, "accessTokenEnc")).toBe(old.accessToken ?? null);
        expect(opened(row.refreshTokenEnc, "refreshTokenEnc")).toBe(old.refreshToken ?? null);

        if (old.method === "access_token" || old.clientId === null) {
          expect(row.zoomApp).toBeNull();
          continue;
        }
        const app = row.zoomApp!;
        expect(app).toMatchObject({
          workspaceId: "ws-1",
          createdById: "user-1",
          name: old.name,
          kind: old.method,
          developmentClientId: old.clientId,
          productionClientId: null,
          productionClientSecretEnc: null,
          accountId: old.accountId,
          activePair: "development",
          scopes: old.scopes,
          shared: false,
          eventSecretTokenEnc: null,
        });
        if (old.secret === null) expect(app.developmentClientSecretEnc).toBeNull();
        else {
          // Re-encrypted for the app's own row: the credential's old context no longer opens it.
          expect(
            decryptSecret(
              ring,
              app.developmentClientSecretEnc!,
              zoomAppSecretContext(app.id, "developmentClientSecretEnc"),
            ),
          ).toBe(old.secret);
          expect(() =>
            decryptSecret(ring, app.developmentClientSecretEnc!, `credential:${old.id}:clientSecretEnc`),
          ).toThrow();
        }
      }
      expect(await db.zoomApp.count()).toBe(3);
      // Every stored secret passes the start-up check: 4 tokens and 2 Client Secrets.
      await expect(verifyStoredSecrets(db, ring)).resolves.toEqual({ checked: 6 });
    } finally {
      await db.$disconnect();
    }
  });

  it("refuses without the key the secrets were written with, and leaves the old database as it was", async () => {
    const t = target();
    const oldRing = buildKeyRing([randomBytes(32)]);
    await oldDatabase(t, oldRing);
    const otherRing = buildKeyRing([randomBytes(32)]);
    await expect(migrateDatabase(t.url, { keyRing: () => otherRing })).rejects.toThrow(
      /Client Secret of credential cred-(oauth|s2s) cannot be decrypted/,
    );
    // Nothing half-done: the old columns are still there, with the old ciphertext.
    await t.exec(`UPDATE "Credential" SET "clientId" = "clientId" WHERE "id" = ?`, ["cred-oauth"]);
    await expect(t.exec(`SELECT 1 FROM "ZoomApp"`, [])).rejects.toThrow();
    // With the right key it then goes through.
    await expect(migrateDatabase(t.url, { keyRing: () => oldRing })).resolves.toContain(
      "20261201232442_zoom_apps",
    );
  });
});
