import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, vi } from "vitest";
import { createTempDatabase } from "@/lib/db/temp-database";
import { saveEventSecretToken } from "@/lib/zoom-apps/event-secret-token";
import { signEvent } from "@/testing/zoom-emulator/events";

type TempDatabase = Awaited<ReturnType<typeof createTempDatabase>>;

/**
 * A database of its own with one workspace, its owner and an OAuth Zoom app,
 * for tests of Zoom's event notifications. Deliveries are signed by the
 * emulator's own code, so the check accepts exactly what Zoom sends.
 */
export function setupZoomEventTest(options: {
  clientId: string;
  secretToken: string;
  /** Saved before the first test; false to test the app while it has none. */
  secretTokenAtStart: boolean;
}) {
  const state = { temp: null as TempDatabase | null, dataDir: "", workspaceId: "", ownerId: "", appId: "" };
  const temp = () => {
    if (!state.temp) throw new Error("setupZoomEventTest: the database is made in beforeAll");
    return state.temp;
  };

  beforeAll(async () => {
    state.dataDir = mkdtempSync(path.join(tmpdir(), "zcw-events-"));
    vi.stubEnv("ENCRYPTION_KEY", Buffer.alloc(32, 0x3c).toString("base64"));
    vi.stubEnv("NEXTAUTH_SECRET", "events-tests-secret-0123456789abcdef");
    vi.stubEnv("DATA_DIR", state.dataDir);
    state.temp = await createTempDatabase();
    const db = state.temp.db;
    const user = await db.user.create({ data: { email: "e@example.com", name: "E", passwordHash: "x" } });
    const workspace = await db.workspace.create({ data: { name: "W", slug: "w-events" } });
    state.ownerId = user.id;
    state.workspaceId = workspace.id;
    const app = await db.zoomApp.create({
      data: {
        workspaceId: workspace.id,
        createdById: user.id,
        name: "Team app",
        kind: "oauth",
        developmentClientId: options.clientId,
      },
    });
    state.appId = app.id;
    if (options.secretTokenAtStart) await fixture.saveSecretToken();
  });
  afterAll(async () => {
    await state.temp?.cleanup();
    vi.unstubAllEnvs();
    rmSync(state.dataDir, { recursive: true, force: true });
  });

  const fixture = {
    get db() {
      return temp().db;
    },
    get url() {
      return temp().url;
    },
    get workspaceId() {
      return state.workspaceId;
    },
    get ownerId() {
      return state.ownerId;
    },
    get appId() {
      return state.appId;
    },
    saveSecretToken: () =>
      saveEventSecretToken(temp().db, {
        workspaceId: state.workspaceId,
        zoomAppId: state.appId,
        secretToken: options.secretToken,
      }),
    /** An OAuth credential of the owner's through this app, named after its Zoom user. */
    credential: (zoomUserId: string, status: "draft" | "connected") =>
      temp().db.credential.create({
        data: {
          workspaceId: state.workspaceId,
          ownerId: state.ownerId,
          zoomAppId: state.appId,
          name: zoomUserId,
          method: "oauth",
          status,
        },
      }),
    /** A delivery of `rawBody` as Zoom sends it: timestamped now (less `ageSeconds`) and signed. */
    delivery(rawBody: string, signing: { ageSeconds?: number; key?: string } = {}) {
      const timestamp = String(Math.floor(Date.now() / 1000) - (signing.ageSeconds ?? 0));
      return {
        zoomAppId: state.appId,
        rawBody,
        timestamp,
        signature: signEvent(signing.key ?? options.secretToken, timestamp, rawBody),
      };
    },
    /** Zoom's app_deauthorized body for a user of this app. */
    deauthorization: (zoomUserId: string, deauthorizedAt: Date, accountId = "acct1") => ({
      event: "app_deauthorized",
      event_ts: deauthorizedAt.getTime(),
      payload: {
        account_id: accountId,
        user_id: zoomUserId,
        client_id: options.clientId,
        deauthorization_time: deauthorizedAt.toISOString(),
        user_data_retention: "false",
      },
    }),
  };
  return fixture;
}
