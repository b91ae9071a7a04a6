// Shared set-up for the token engine's tests: an in-process Zoom emulator (the
// app's Zoom client reaches it through ZOOM_OAUTH_BASE_URL / ZOOM_API_BASE_URL),
// one migrated temp database per test file (SQLite, or a PostgreSQL schema when
// DATABASE_URL says so), a fixed encryption key, and helpers that store a real
// emulator token set on a Credential row, with its keys on a Zoom app of its own.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, vi } from "vitest";
import {
  OAUTH_APP,
  S2S_APP,
  USER,
  setupZoomEmulator,
  type EmulatorFixture,
} from "@/testing/zoom-emulator/fixture";
import type { Counters } from "@/testing/zoom-emulator/types";
import { decrypt, encrypt } from "@/lib/crypto";
import { credentialSecretContext, zoomAppSecretContext } from "@/lib/crypto/encrypted-columns";
import type { Db } from "@/lib/db/client";
import { createTempDatabase } from "@/lib/db/temp-database";
import type { ZoomTokenSet } from "@/lib/zoom/token-set";

/** A fixed key, so child processes can read what this process encrypted. */
export const TEST_ENCRYPTION_KEY = Buffer.alloc(32, 0x5a).toString("base64");
export const TEST_NEXTAUTH_SECRET = "token-engine-tests-secret-0123456789abcdef";

export interface SeededCredential {
  id: string;
  workspaceId: string;
  /** The token set the emulator issued (null for Server-to-Server). */
  tokens: ZoomTokenSet | null;
}

/** Every column the token engine reads or writes, secrets included. */
const fullSelect = {
  id: true,
  status: true,
  version: true,
  zoomApp: { select: { developmentClientSecretEnc: true } },
  accessTokenEnc: true,
  refreshTokenEnc: true,
  accessTokenExpiresAt: true,
  grantedScopes: true,
  lastRefreshedAt: true,
  lastErrorCode: true,
  lastErrorMessage: true,
  lastErrorAt: true,
  failureCount: true,
  nextAttemptAt: true,
  refreshLeaseOwner: true,
  refreshLeaseUntil: true,
} as const;

export interface TokenTest {
  readonly db: Db;
  /** The temp database's URL (for a second client or a child process). */
  readonly url: string;
  readonly emulator: EmulatorFixture;
  /** The variables a child process needs to share this test's database, key and emulator. */
  childEnv(): Record<string, string>;
  /** Connect through the emulator's consent page and store the set on a new credential. */
  seedOAuth(options?: { accessExpiresInMs?: number }): Promise<SeededCredential>;
  /** A Server-to-Server credential holding `accessToken` (default: an expired placeholder). */
  seedS2S(options?: { accessToken?: string; accessExpiresInMs?: number }): Promise<SeededCredential>;
  row(id: string): ReturnType<typeof readFullRow>;
  /** Decrypted refresh token as stored. */
  storedRefreshToken(id: string): Promise<string | null>;
  tokenCalls(): Promise<Counters["token"]>;
  auditEvents(credentialId: string, action: string): Promise<{ details: Record<string, unknown> }[]>;
}

function readFullRow(db: Db, id: string) {
  return db.credential.findUniqueOrThrow({ where: { id }, select: fullSelect });
}

/** Register the hooks; call once at the top of a test file. */
export function setupTokenTest(): TokenTest {
  const emulator = setupZoomEmulator();
  let temp: Awaited<ReturnType<typeof createTempDatabase>> | null = null;
  let dataDir = "";
  const get = () => {
    if (!temp) throw new Error("temp database not created yet");
    return temp;
  };

  // Registered after setupZoomEmulator's beforeAll, so the emulator is up.
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), "zcw-tokens-"));
    vi.stubEnv("ENCRYPTION_KEY", TEST_ENCRYPTION_KEY);
    vi.stubEnv("NEXTAUTH_SECRET", TEST_NEXTAUTH_SECRET);
    vi.stubEnv("DATA_DIR", dataDir);
    vi.stubEnv("ZOOM_OAUTH_BASE_URL", emulator.config.oauthBaseUrl);
    vi.stubEnv("ZOOM_API_BASE_URL", emulator.config.apiBaseUrl);
    temp = await createTempDatabase();
  });
  afterAll(async () => {
    await temp?.cleanup();
    vi.unstubAllEnvs();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function createCredential(data: {
    method: "oauth" | "s2s";
    clientId: string;
    clientSecret: string;
    accountId?: string;
    tokens: { access: string; refresh: string | null; expiresAt: Date; scopes: string[] };
  }) {
    const db = get().db;
    const suffix = randomBytes(6).toString("hex");
    const user = await db.user.create({
      data: { email: `owner-${suffix}@example.com`, name: "Owner", passwordHash: "x" },
    });
    const workspace = await db.workspace.create({ data: { name: "Tokens", slug: `tokens-${suffix}` } });
    const id = `cred_${suffix}`;
    const appId = `app_${suffix}`;
    await db.zoomApp.create({
      data: {
        id: appId,
        workspaceId: workspace.id,
        createdById: user.id,
        name: `${data.method} app`,
        kind: data.method,
        developmentClientId: data.clientId,
        developmentClientSecretEnc: encrypt(
          data.clientSecret,
          zoomAppSecretContext(appId, "developmentClientSecretEnc"),
        ),
        accountId: data.accountId ?? null,
      },
    });
    await db.credential.create({
      data: {
        id,
        workspaceId: workspace.id,
        ownerId: user.id,
        zoomAppId: appId,
        name: `${data.method} credential`,
        method: data.method,
        status: "connected",
        accessTokenEnc: encrypt(data.tokens.access, credentialSecretContext(id, "accessTokenEnc")),
        refreshTokenEnc:
          data.tokens.refresh === null
            ? null
            : encrypt(data.tokens.refresh, credentialSecretContext(id, "refreshTokenEnc")),
        accessTokenExpiresAt: data.tokens.expiresAt,
        grantedScopes: data.tokens.scopes.join(" "),
        zoomUserId: data.method === "oauth" ? USER.id : null,
        zoomEmail: data.method === "oauth" ? USER.email.toLowerCase() : null,
        zoomAccountId: USER.accountId,
      },
    });
    return { id, workspaceId: workspace.id };
  }

  return {
    get db() {
      return get().db;
    },
    get url() {
      return get().url;
    },
    emulator,
    childEnv() {
      return {
        DATABASE_URL: get().url,
        ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
        NEXTAUTH_SECRET: TEST_NEXTAUTH_SECRET,
        DATA_DIR: dataDir,
        ZOOM_OAUTH_BASE_URL: emulator.config.oauthBaseUrl,
        ZOOM_API_BASE_URL: emulator.config.apiBaseUrl,
      };
    },
    async seedOAuth(options = {}) {
      const tokens = await emulator.connect();
      if (!tokens.refreshToken) throw new Error("the emulator issued no refresh token");
      const { id, workspaceId } = await createCredential({
        method: "oauth",
        clientId: OAUTH_APP.clientId,
        clientSecret: OAUTH_APP.clientSecret,
        tokens: {
          access: tokens.accessToken,
          refresh: tokens.refreshToken,
          expiresAt: new Date(Date.now() + (options.accessExpiresInMs ?? -60_000)),
          scopes: tokens.scopes,
        },
      });
      return { id, workspaceId, tokens };
    },
    async seedS2S(options = {}) {
      const { id, workspaceId } = await createCredential({
        method: "s2s",
        clientId: S2S_APP.clientId,
        clientSecret: S2S_APP.clientSecret,
        accountId: S2S_APP.accountId,
        tokens: {
          access: options.accessToken ?? "expired-s2s-placeholder",
          refresh: null,
          expiresAt: new Date(Date.now() + (options.accessExpiresInMs ?? -60_000)),
          scopes: S2S_APP.scopes,
        },
      });
      return { id, workspaceId, tokens: null };
    },
    row: (id) => readFullRow(get().db, id),
    async storedRefreshToken(id) {
      const row = await readFullRow(get().db, id);
      return row.refreshTokenEnc
        ? decrypt(row.refreshTokenEnc, credentialSecretContext(id, "refreshTokenEnc"))
        : null;
    },
    async tokenCalls() {
      return (await emulator.control.counters()).token;
    },
    async auditEvents(credentialId, action) {
      const events = await get().db.auditEvent.findMany({
        where: { credentialId, action },
        orderBy: { createdAt: "asc" },
      });
      return events.map((event) => ({ details: JSON.parse(event.details) as Record<string, unknown> }));
    },
  };
}
