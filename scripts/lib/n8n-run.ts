// Starts the installed n8n for `npm run check:n8n` (stack-notes' start-up
// environment), makes its owner and an API key through /rest, and creates and
// publishes a workflow whose Zoom node (OAuth2) uses a given credential.
import { spawn, type ChildProcess } from "node:child_process";
import { openSync } from "node:fs";
import net, { type AddressInfo } from "node:net";
import path from "node:path";
import type { N8nInstall } from "./n8n-install";

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export type RunningN8n = { url: string; child: ChildProcess; logFile: string; stop: () => void };

export async function startN8n(
  install: N8nInstall,
  input: { folder: string; proxyUrl: string; caFile: string },
): Promise<RunningN8n> {
  const port = await freePort();
  const logFile = path.join(input.folder, "n8n.log");
  const log = openSync(logFile, "a");
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: "production",
    PATH: `${path.dirname(install.node)}:${process.env.PATH ?? ""}`,
    HOME: input.folder,
    N8N_PORT: String(port),
    N8N_LISTEN_ADDRESS: "127.0.0.1",
    N8N_USER_FOLDER: path.join(input.folder, "user"),
    N8N_DIAGNOSTICS_ENABLED: "false",
    N8N_PERSONALIZATION_ENABLED: "false",
    N8N_VERSION_NOTIFICATIONS_ENABLED: "false",
    N8N_TEMPLATES_ENABLED: "false",
    N8N_SECURE_COOKIE: "false",
    N8N_RUNNERS_BROKER_PORT: String(await freePort()),
    // The Zoom node's calls to https://api.zoom.us go through the proxy to the emulator; n8n's own, not.
    HTTPS_PROXY: input.proxyUrl,
    NO_PROXY: "127.0.0.1,localhost",
    NODE_EXTRA_CA_CERTS: input.caFile,
  };
  const child: ChildProcess = spawn(install.node, [install.n8nBin, "start"], {
    cwd: input.folder,
    detached: true, // its own process group: stop() ends n8n and its task runner together
    stdio: ["ignore", log, log],
    env,
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = () => {
    try {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  };
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`n8n exited (${child.exitCode}) while starting; see ${logFile}`);
    const ready = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return { url, child, logFile, stop };
    if (Date.now() > deadline) {
      stop();
      throw new Error(`n8n did not answer within 3 minutes; see ${logFile}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

async function json<T>(response: Response, what: string): Promise<T> {
  const text = await response.text();
  if (!response.ok) throw new Error(`${what}: n8n answered ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

/** The owner (through /rest, as the first visitor would) and an API key with `scopes`. */
export async function ownerApiKey(url: string, scopes: string[]): Promise<string> {
  // Right after start-up /rest may not be routed yet (the editor's page answers instead): try again.
  let cookie = "";
  let last = "";
  for (let attempt = 0; attempt < 60 && !cookie; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 1000));
    const setup = await fetch(`${url}/rest/owner/setup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        email: "owner@example.com",
        firstName: "Check",
        lastName: "Owner",
        password: "Check-n8n-passw0rd",
      }),
    });
    last = `${setup.status} ${(await setup.text()).slice(0, 120)}`;
    cookie = (setup.headers.getSetCookie().find((c) => c.startsWith("n8n-auth=")) ?? "").split(";")[0]!;
  }
  if (!cookie) throw new Error(`owner setup gave no n8n-auth cookie (last answer: ${last})`);
  const created = await json<{ data: { rawApiKey: string } }>(
    await fetch(`${url}/rest/api-keys`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify({ label: "zcw check", expiresAt: null, scopes }),
    }),
    "creating the API key",
  );
  return created.data.rawApiKey;
}

/** Webhook → Zoom (Meeting → Create, OAuth2 with `credential`), answered with the Zoom node's output. */
export async function publishZoomWorkflow(
  url: string,
  apiKey: string,
  credential: { id: string; name: string },
  webhookPath: string,
): Promise<string> {
  const headers = { "X-N8N-API-KEY": apiKey, "content-type": "application/json" };
  const workflow = await json<{ id: string }>(
    await fetch(`${url}/api/v1/workflows`, {
      method: "POST",
      headers,
      body: JSON.stringify({
        name: "zcw check: Zoom node",
        settings: { executionOrder: "v1" },
        connections: { Webhook: { main: [[{ node: "Zoom", type: "main", index: 0 }]] } },
        nodes: [
          {
            name: "Webhook",
            type: "n8n-nodes-base.webhook",
            typeVersion: 2,
            position: [0, 0],
            webhookId: "5f0c1f6e-2a0b-4d7e-9a51-3c2f0e8b9d11",
            parameters: { httpMethod: "GET", path: webhookPath, responseMode: "lastNode", options: {} },
          },
          {
            name: "Zoom",
            type: "n8n-nodes-base.zoom",
            typeVersion: 1,
            position: [240, 0],
            parameters: {
              authentication: "oAuth2",
              resource: "meeting",
              operation: "create",
              topic: "={{ 'check:n8n run ' + $now.toMillis() }}",
              additionalFields: { duration: 30 },
            },
            credentials: { zoomOAuth2Api: credential },
          },
        ],
      }),
    }),
    "creating the workflow",
  );
  await json(
    await fetch(`${url}/api/v1/workflows/${workflow.id}/publish`, { method: "POST", headers, body: "{}" }),
    "publishing the workflow",
  );
  return workflow.id;
}
