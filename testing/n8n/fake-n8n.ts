// A small stand-in for n8n's public API (/api/v1/credentials), strict where
// the app depends on it and following what a real n8n 2.41.1 did on this
// machine (README, "Use it from n8n"; npm run check:n8n runs the real one):
// PATCH replaces `data` whole, `isPartialData: true` answers 200 but keeps the
// stored oauthTokenData, 2.39.0–2.39.8 answer 405 to every PATCH, keys carry
// scopes (403, checked before the body), a non-JSON body gets 415, unknown
// data keys 400, an unknown id 404, and a PATCH of a credential whose name is
// not 3–128 characters long 400 (though POST created it). It keeps every request body, so tests can look for secrets.
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export const ALL_SCOPES = ["credential:create", "credential:read", "credential:update", "credential:list"];

// What n8n's zoomOAuth2Api type (an oAuth2Api) accepts in `data`; anything else is a 400.
const ZOOM_DATA_KEYS = new Set([
  "oauthTokenData",
  "grantType",
  "authUrl",
  "accessTokenUrl",
  "clientId",
  "clientSecret",
  "scope",
  "authQueryParameters",
  "authentication",
]);
const KNOWN_TYPES = new Set(["zoomOAuth2Api", "httpHeaderAuth"]);

export type FakeCredential = { id: string; name: string; type: string; data: Record<string, unknown> };
export type FakeRequest = { method: string; path: string; body: string; status: number };

export type FakeN8n = {
  url: string;
  /** Adds an API key with these scopes; returns it. */
  key(scopes?: string[]): string;
  credentials: Map<string, FakeCredential>;
  requests: FakeRequest[];
  /** "2.39.5" answers 405 to PATCH, as 2.39.0–2.39.8 did. */
  setVersion(version: "2.41.1" | "2.39.5"): void;
  /** While down, every request gets 503. */
  setDown(down: boolean): void;
  close(): Promise<void>;
};

export async function startFakeN8n(): Promise<FakeN8n> {
  const keys = new Map<string, Set<string>>();
  const credentials = new Map<string, FakeCredential>();
  const requests: FakeRequest[] = [];
  let version = "2.41.1";
  let down = false;

  const server = http.createServer((req, res) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (raw += chunk));
    req.on("end", () => {
      const path = (req.url ?? "/").split("?")[0]!;
      const send = (status: number, body: unknown) => {
        requests.push({ method: req.method ?? "", path, body: raw, status });
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      if (down) return send(503, { message: "Service Unavailable" });
      const match = /^\/api\/v1\/credentials(?:\/([^/]+))?$/.exec(path);
      if (!match) {
        // Like a web server that is not n8n's API: a page, not n8n's JSON.
        requests.push({ method: req.method ?? "", path, body: raw, status: 404 });
        res.writeHead(404, { "content-type": "text/html" });
        return res.end("<html><body>Not Found</body></html>");
      }
      const scopes = keys.get(String(req.headers["x-n8n-api-key"] ?? ""));
      if (!scopes) return send(401, { message: "unauthorized" });
      const id = match[1] && decodeURIComponent(match[1]);
      const method = req.method ?? "GET";
      if (method === "PATCH" && id && version === "2.39.5")
        return send(405, { message: "PATCH method not allowed" });
      const need = { GET: "credential:read", POST: "credential:create", PATCH: "credential:update" }[method];
      if (!need || (method === "POST") === Boolean(id))
        return send(405, { message: `${method} method not allowed` });
      if (!scopes.has(need)) return send(403, { message: "Forbidden" });
      if (method !== "GET" && !String(req.headers["content-type"] ?? "").startsWith("application/json"))
        return send(415, { message: "Unsupported media type" });
      let body: Record<string, unknown> = {};
      if (method !== "GET") {
        try {
          body = JSON.parse(raw) as Record<string, unknown>;
        } catch {
          return send(400, { message: "request.body is not valid JSON" });
        }
      }
      const badData = (type: string, data: unknown) => {
        if (!data || typeof data !== "object") return "request.body.data is required";
        if (type !== "zoomOAuth2Api") return null;
        const unknown = Object.keys(data).filter((k) => !ZOOM_DATA_KEYS.has(k));
        return unknown.length ? `request.body.data has unknown properties: ${unknown.join(", ")}` : null;
      };
      if (method === "POST") {
        const { name, type, data } = body;
        if (typeof name !== "string" || typeof type !== "string")
          return send(400, { message: "request.body requires name and type" });
        if (!KNOWN_TYPES.has(type)) return send(400, { message: "req.body.type is not a known type" });
        const problem = badData(type, data);
        if (problem) return send(400, { message: problem });
        const created = {
          id: randomBytes(8).toString("hex"),
          name,
          type,
          data: data as Record<string, unknown>,
        };
        credentials.set(created.id, created);
        return send(200, { id: created.id, name, type, createdAt: new Date().toISOString() });
      }
      const stored = credentials.get(id!);
      if (!stored) return send(404, { message: "Credential not found" });
      if (method === "GET") return send(200, { id: stored.id, name: stored.name, type: stored.type });
      const newName = typeof body.name === "string" ? body.name : stored.name;
      if (newName.length < 3 || newName.length > 128)
        return send(400, { message: "Credential name must be 3 to 128 characters long." });
      if (body.data !== undefined) {
        const problem = badData(stored.type, body.data);
        if (problem) return send(400, { message: problem });
        const incoming = body.data as Record<string, unknown>;
        stored.data =
          body.isPartialData === true
            ? // As measured: the merge keeps the stored token whatever is sent.
              { ...stored.data, ...incoming, oauthTokenData: stored.data.oauthTokenData }
            : { ...incoming };
      }
      stored.name = newName;
      return send(200, { id: stored.id, name: stored.name, type: stored.type });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    key(scopes = ALL_SCOPES) {
      const key = `n8n_api_${randomBytes(12).toString("hex")}`;
      keys.set(key, new Set(scopes));
      return key;
    },
    credentials,
    requests,
    setVersion: (v) => void (version = v),
    setDown: (d) => void (down = d),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The access token a fake n8n credential holds ("" once emptied; undefined if none). */
export function heldToken(fake: FakeN8n, id: string): string | undefined {
  const data = fake.credentials.get(id)?.data.oauthTokenData as { access_token?: string } | undefined;
  return data?.access_token;
}
