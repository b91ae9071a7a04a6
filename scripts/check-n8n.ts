// npm run check:n8n — the app against a REAL n8n 2.41.1 (Node 24), installed
// into a cache folder outside the repository on first run (scripts/lib/n8n-install.ts;
// CI skips the check when it is not installed, saying so). It:
//   1. starts the Zoom emulator, served to n8n as https://api.zoom.us (scripts/lib/zoom-front.ts);
//   2. starts n8n, makes its owner and an API key (/rest), saves it as the workspace's n8n target
//      through the app's own check, and presses "Use in n8n" (lib/n8n) on an OAuth connection;
//   3. publishes a workflow Webhook → Zoom node (Meeting → Create, OAuth2 → that credential) and runs it;
//   4. forces a renewal in the app — its push goes through the outbox — and runs the node again:
//      it must succeed with the NEW token, which Zoom (the emulator) saw it carry;
//   5. checks that nothing the app sent n8n ever contained a refresh token.
// The app's code runs in this process, on a SQLite database of its own.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { calculatePKCECodeChallenge, generateRandomCodeVerifier } from "oauth4webapi";
import { authorizeViaConsent, emulatorControl } from "../testing/zoom-emulator/control-client";
import { startZoomEmulator } from "../testing/zoom-emulator/server";
import { findN8nInstall, installN8n, n8nHome, N8N_VERSION } from "./lib/n8n-install";
import { ownerApiKey, publishZoomWorkflow, startN8n, type RunningN8n } from "./lib/n8n-run";
import { makeCerts, startRecorder, startZoomFront } from "./lib/zoom-front";

const say = (line: string) => console.log(`[check:n8n] ${line}`);

let install = findN8nInstall();
if (!install && process.env.CI) {
  say(
    `SKIPPED: n8n ${N8N_VERSION} is not installed in ${n8nHome()}. Run npm run check:n8n outside CI to install it (about 6 minutes).`,
  );
  process.exit(0);
}
install ??= installN8n();

const work = mkdtempSync(path.join(tmpdir(), "zcw-check-n8n-"));
const seed = Buffer.alloc(32, 0x6e).toString("base64");
Object.assign(process.env, {
  ENCRYPTION_KEY: seed,
  NEXTAUTH_SECRET: "check-n8n-secret-0123456789abcdef0123",
  DATA_DIR: work,
});

const emulator = await startZoomEmulator({ port: 0 });
Object.assign(process.env, { ZOOM_OAUTH_BASE_URL: emulator.url, ZOOM_API_BASE_URL: `${emulator.url}/v2` });
const front = await startZoomFront(makeCerts(work), emulator.url);
let n8n: RunningN8n | null = null;
let failed = false;
try {
  n8n = await startN8n(install, {
    folder: work,
    proxyUrl: front.proxyUrl,
    caFile: path.join(work, "ca.pem"),
  });
  say(
    `n8n ${N8N_VERSION} is up at ${n8n.url} (Node ${execFileSync(install.node, ["-v"]).toString().trim()}); api.zoom.us is the emulator, through ${front.proxyUrl}`,
  );
  await run(n8n);
} catch (error) {
  failed = true;
  say(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
  if (n8n) say(`n8n's log ends:\n${readFileSync(n8n.logFile, "utf8").split("\n").slice(-25).join("\n")}`);
} finally {
  n8n?.stop();
  front.close();
  await emulator.close();
  rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);

async function run(running: RunningN8n) {
  // The app's modules read the environment set above on first use.
  const { createTempSqliteDatabase } = await import("../lib/db/temp-database");
  const { ownerContext } = await import("../testing/workspaces/owner-context");
  const { encrypt, decrypt } = await import("../lib/crypto");
  const { credentialSecretContext, zoomAppSecretContext } = await import("../lib/crypto/encrypted-columns");
  const { exchangeCode } = await import("../lib/zoom/exchange-code");
  const { getAccessToken } = await import("../lib/credentials/tokens/get-access-token");
  const { saveN8nTarget } = await import("../lib/n8n/n8n-target");
  const { startUsingInN8n } = await import("../lib/n8n/use-in-n8n");
  const { onPushQueued } = await import("../lib/n8n/push-outbox");
  const { runN8nPushRound } = await import("../lib/n8n/push-round");

  const { db, cleanup } = await createTempSqliteDatabase();
  try {
    // A Zoom app (meetings read and write) and a user, and a connection made through the consent page.
    const app = {
      clientId: "check-n8n-client",
      clientSecret: "check-n8n-secret-0123456789",
      accountId: "acct-check",
    };
    const redirectUri = "http://127.0.0.1:3000/api/auth/callback/zoom";
    const control = emulatorControl(emulator.url);
    await control.registerUser({
      id: "user-check",
      email: "check@example.com",
      firstName: "Check",
      lastName: "Person",
      accountId: app.accountId,
    });
    await control.registerApp({
      ...app,
      type: "oauth",
      redirectUrls: [redirectUri],
      allowList: [redirectUri],
      scopes: ["user:read:user", "meeting:read:list_meetings", "meeting:write:meeting"],
    });
    const verifier = generateRandomCodeVerifier();
    const location = await authorizeViaConsent(emulator.url, {
      clientId: app.clientId,
      redirectUri,
      state: "s",
      codeChallenge: await calculatePKCECodeChallenge(verifier),
    });
    const tokens = await exchangeCode({
      ...app,
      code: location.searchParams.get("code")!,
      redirectUri,
      codeVerifier: verifier,
      config: { oauthBaseUrl: emulator.url, apiBaseUrl: `${emulator.url}/v2` },
    });

    const ctx = await ownerContext(db, "Check Owner");
    const zoomApp = await db.zoomApp.create({
      data: {
        workspaceId: ctx.workspace.id,
        createdById: ctx.user.id,
        name: "Check app",
        kind: "oauth",
        developmentClientId: app.clientId,
      },
    });
    await db.zoomApp.update({
      where: { id: zoomApp.id },
      data: {
        developmentClientSecretEnc: encrypt(
          app.clientSecret,
          zoomAppSecretContext(zoomApp.id, "developmentClientSecretEnc"),
        ),
      },
    });
    const credential = await db.credential.create({
      data: {
        workspaceId: ctx.workspace.id,
        ownerId: ctx.user.id,
        zoomAppId: zoomApp.id,
        name: "Meetings Zoom",
        method: "oauth",
        status: "connected",
        grantedScopes: tokens.scopes.join(" "),
        accessTokenExpiresAt: tokens.expiresAt,
      },
    });
    await db.credential.update({
      where: { id: credential.id },
      data: {
        accessTokenEnc: encrypt(tokens.accessToken, credentialSecretContext(credential.id, "accessTokenEnc")),
        refreshTokenEnc: encrypt(
          tokens.refreshToken!,
          credentialSecretContext(credential.id, "refreshTokenEnc"),
        ),
      },
    });
    const stored = async (column: "accessTokenEnc" | "refreshTokenEnc") => {
      const row = await db.credential.findUniqueOrThrow({
        where: { id: credential.id },
        select: { [column]: true },
      });
      return decrypt(
        (row as Record<string, string>)[column]!,
        credentialSecretContext(credential.id, column),
      );
    };
    const refreshTokens = [await stored("refreshTokenEnc")];

    // n8n: its owner and a key; the app sees n8n through a recorder that keeps every body it sends.
    const apiKey = await ownerApiKey(running.url, [
      "credential:create",
      "credential:read",
      "credential:update",
      "workflow:create",
      "workflow:read",
      "workflow:activate",
    ]);
    const recorder = await startRecorder(running.url);
    try {
      const saved = await saveN8nTarget(db, ctx, { baseUrl: recorder.url, apiKey });
      say(`saved the n8n target: ${saved.words}`);
      const used = await startUsingInN8n(db, ctx, { credentialId: credential.id });
      say(`Use in n8n: ${used.words} Credential “${used.n8nCredentialName}” (${used.n8nCredentialId}).`);
      await publishZoomWorkflow(
        running.url,
        apiKey,
        { id: used.n8nCredentialId, name: used.n8nCredentialName },
        "zcw-check",
      );

      const runNode = async (label: string) => {
        const before = front.calls.length;
        // A published workflow's webhook is registered a moment after the publish answers.
        let answer = await fetch(`${running.url}/webhook/zcw-check`);
        let body = await answer.text();
        for (let wait = 0; answer.status === 404 && body.includes("not registered") && wait < 30; wait++) {
          await new Promise((resolve) => setTimeout(resolve, 1000));
          answer = await fetch(`${running.url}/webhook/zcw-check`);
          body = await answer.text();
        }
        const zoomCalls = front.calls.slice(before);
        say(
          `${label}: the workflow answered ${answer.status}; the Zoom node called ${zoomCalls.map((c) => `${c.method} ${c.path} → ${c.status}`).join(", ") || "nothing"}`,
        );
        if (!answer.ok) throw new Error(`${label}: the Zoom node failed: ${body.slice(0, 300)}`);
        const meeting = JSON.parse(body) as { id?: number; topic?: string };
        if (!meeting.id) throw new Error(`${label}: no meeting in the answer: ${body.slice(0, 300)}`);
        say(`${label}: Zoom created meeting ${meeting.id} (“${meeting.topic}”)`);
        return zoomCalls.map((c) => c.bearer);
      };
      const first = await stored("accessTokenEnc");
      const firstBearers = await runNode("run 1");
      if (!firstBearers.every((b) => b === first))
        throw new Error("run 1 did not carry the token the app pushed");

      // A renewal in the app: Zoom rotates; the new token goes to n8n through the outbox, at once.
      let pushed: Promise<unknown> = Promise.resolve();
      onPushQueued(() => {
        pushed = runN8nPushRound(db);
      });
      const renewed = await getAccessToken(db, credential.id, { force: true });
      refreshTokens.push(await stored("refreshTokenEnc"));
      const report = await pushed;
      say(
        `forced a renewal (credential version ${renewed.version}); the push round right after it: ${JSON.stringify(report)}`,
      );
      if (renewed.accessToken === first) throw new Error("the renewal did not change the access token");

      const secondBearers = await runNode("run 2");
      if (!secondBearers.length || !secondBearers.every((b) => b === renewed.accessToken))
        throw new Error("run 2 did not carry the renewed token");
      say("run 2 carried the renewed token (not the first one) and succeeded");

      const leaks = recorder.bodies.filter(
        (r) => /refresh/i.test(r.body) || refreshTokens.some((t) => r.body.includes(t)),
      );
      say(
        `the app sent n8n ${recorder.bodies.length} requests (${recorder.bodies.map((r) => `${r.method} ${r.path.replace(/\?.*/, "")}`).join(", ")}); with a refresh token: ${leaks.length}`,
      );
      if (leaks.length) throw new Error("a request to n8n contained a refresh token");
      say(
        `PASSED: n8n ${N8N_VERSION}'s Zoom node kept working across a renewal with the token the app pushed.`,
      );
    } finally {
      recorder.close();
    }
  } finally {
    await cleanup();
  }
}
