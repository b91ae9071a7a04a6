// The start-up refusal, run for real: instrumentation.ts's register() — what
// Next.js calls before serving — in a process of its own, on a database that
// holds secrets under a key the configuration no longer has.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { credentialSecretContext, zoomAppSecretContext } from "@/lib/crypto/encrypted-columns";
import { buildKeyRing, keyId } from "@/lib/crypto/keyring";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { createTempDatabase } from "@/lib/db/temp-database";

const CHILD = fileURLToPath(new URL("../../testing/startup/run-startup.ts", import.meta.url));
const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

const droppedKey = randomBytes(32);
const keptKey = randomBytes(32);
const b64 = (key: Buffer) => key.toString("base64");
const CLIENT_SECRET = "client-secret-that-must-never-be-printed";
const REFRESH_TOKEN = "refresh-token-that-must-never-be-printed";

let temp: Awaited<ReturnType<typeof createTempDatabase>>;
let dataDir: string;

beforeAll(async () => {
  temp = await createTempDatabase();
  dataDir = mkdtempSync(path.join(tmpdir(), "zcw-startup-"));
  const db = temp.db;
  const old = buildKeyRing([droppedKey]);
  const user = await db.user.create({ data: { email: "o@example.com", name: "O", passwordHash: "x" } });
  const workspace = await db.workspace.create({ data: { name: "W", slug: "w-startup" } });
  const app = await db.zoomApp.create({
    data: { workspaceId: workspace.id, createdById: user.id, name: "app", kind: "oauth" },
  });
  await db.zoomApp.update({
    where: { id: app.id },
    data: {
      developmentClientSecretEnc: encryptSecret(
        old,
        CLIENT_SECRET,
        zoomAppSecretContext(app.id, "developmentClientSecretEnc"),
      ),
    },
  });
  const credential = await db.credential.create({
    data: { workspaceId: workspace.id, ownerId: user.id, zoomAppId: app.id, name: "c", method: "oauth" },
  });
  await db.credential.update({
    where: { id: credential.id },
    data: {
      refreshTokenEnc: encryptSecret(
        old,
        REFRESH_TOKEN,
        credentialSecretContext(credential.id, "refreshTokenEnc"),
      ),
    },
  });
});
afterAll(async () => {
  await temp.cleanup();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts the start-up hook with this ENCRYPTION_KEY; resolves with its exit code and everything it printed. */
function startServer(encryptionKey: string): Promise<{ code: number | null; output: string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: temp.url,
    DATA_DIR: dataDir,
    ENCRYPTION_KEY: encryptionKey,
    NEXTAUTH_SECRET: "start-up-tests-secret-0123456789abcdef",
    KEEPER_INTERVAL_SECONDS: "0",
  };
  delete env.NODE_OPTIONS; // the test runner's, not for a plain node child
  const child = spawn(process.execPath, ["--import", "tsx", CHILD], { cwd: REPO_ROOT, env });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, output })));
}

describe("the start-up check", () => {
  it("refuses to start when a stored secret needs a key that is missing, naming the key id, printing no secret", async () => {
    const { code, output } = await startServer(b64(keptKey));
    expect(code).toBe(1);
    expect(output).toContain("[startup] The app cannot start.");
    expect(output).toContain("Stored secrets cannot be decrypted, so the app will not start.");
    expect(output).toContain(
      `They were encrypted with key id(s) ${keyId(droppedKey)}, which ENCRYPTION_KEY does not contain.`,
    );
    expect(output).toContain("Add the old key back to ENCRYPTION_KEY (comma-separated, newest first)");
    expect(output).not.toContain("the start-up check passed");
    for (const secret of [CLIENT_SECRET, REFRESH_TOKEN, b64(droppedKey), b64(keptKey)])
      expect(output).not.toContain(secret);
  }, 60_000);

  it("starts once the missing key is back, after the new one", async () => {
    const { code, output } = await startServer(`${b64(keptKey)},${b64(droppedKey)}`);
    expect(output).toContain("2 stored secret(s) readable");
    expect(output).toContain("the start-up check passed");
    expect(code).toBe(0);
    for (const secret of [CLIENT_SECRET, REFRESH_TOKEN, b64(droppedKey), b64(keptKey)])
      expect(output).not.toContain(secret);
  }, 60_000);

  it("refuses a malformed key list in words, printing no key", async () => {
    const { code, output } = await startServer(`${b64(keptKey)},,${b64(droppedKey)}`);
    expect(code).toBe(1);
    expect(output).toContain("ENCRYPTION_KEY: key 2 of 3 is empty");
    expect(output).not.toContain(b64(keptKey));
    expect(output).not.toContain(b64(droppedKey));
  }, 60_000);
});
