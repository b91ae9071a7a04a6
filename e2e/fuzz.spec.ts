import { expect, test, type APIRequestContext } from "@playwright/test";
import { newApiKey } from "../lib/api-keys/api-key-format";
import { createWorkspaceWithOwner, signInWithRequest, testDb } from "./support/factory";
import { rawRequest, type RawAnswer } from "./support/raw-http";
import { appRoutes, routeVariants } from "./support/routes";
import { E2E_APP_URL } from "./support/test-env";

// Malformed input of every kind at every route must get an answer below 500.
// The paths come from app/ itself (support/routes.ts), so new routes are covered.

const JUNK_SEGMENTS = [
  "%E0%A4%A",
  "%",
  "%00",
  "..%2F..%2Fetc%2Fpasswd",
  "x".repeat(300),
  "%F0%9F%98%80",
  "'%22%3Cb%3E",
];
const JUNK_QUERIES = [
  "",
  "?%E0%A4%A=1",
  "?callbackUrl=javascript:alert(1)&error=%3Cscript%3E",
  "?error=Configuration&callbackUrl=%2F%5Cevil.example",
  "?a=%&b=%zz",
];
const NEXT_AUTH_ACTIONS = [
  "session",
  "csrf",
  "providers",
  "signin",
  "signin/credentials",
  "signin/zoom",
  "callback/credentials",
  "callback/zoom",
  "signout",
  "error",
  "_log",
  "verify-request",
  "signin/nope",
  "callback/nope",
  "nope",
];
const BOUNDARY = "----fuzz";
const BODIES: { type: string; data: string | Buffer }[] = [
  { type: "multipart/form-data; boundary=zzz", data: "garbage" },
  { type: "multipart/form-data", data: "--x\r\ngarbage" },
  {
    type: `multipart/form-data; boundary=${BOUNDARY}`,
    data: `--${BOUNDARY}\r\nContent-Disposition: form-data; name="email"\r\n\r\na@b.c\r\n--${BOUNDARY}--\r\n`,
  },
  { type: "application/x-www-form-urlencoded", data: "%%%&email=%E0%A4%A&csrfToken=x&json=true" },
  { type: "application/json", data: "{bad" },
  { type: "application/json", data: "null" },
  { type: "application/json", data: '[1,"two"]' },
  { type: "application/json", data: '{"csrfToken":5,"email":{"$ne":1},"level":"constructor","code":7}' },
  { type: "text/plain", data: "\u0000\u0001junk" },
  { type: "application/octet-stream", data: Buffer.from([0xff, 0xfe, 0x00, 0x80]) },
];
const METHODS = ["PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"] as const;

test("no route answers a malformed request with a 5xx", async ({ playwright }) => {
  test.setTimeout(120_000);
  const { owner, workspace } = await createWorkspaceWithOwner();
  const credential = await testDb().credential.create({
    data: { workspaceId: workspace.id, ownerId: owner.id, name: "Fuzzed", method: "oauth" },
  });
  const key = newApiKey();
  await testDb().apiKey.create({
    data: {
      workspaceId: workspace.id,
      name: "fuzz",
      prefix: key.prefix,
      keyHash: key.keyHash,
      createdById: owner.id,
    },
  });

  // A real session, to reach past the guard with junk.
  const signedIn = await playwright.request.newContext({ baseURL: E2E_APP_URL });
  await signInWithRequest(signedIn, owner);
  const sessionCookie = (await signedIn.storageState()).cookies.find((c) => c.name.endsWith("session-token"));
  expect(sessionCookie).toBeDefined();
  await signedIn.dispose();

  const real = (param: string): string[] =>
    ({
      slug: [workspace.slug],
      id: [credential.id],
      step: ["connect", "marketplace"],
      token: ["a".repeat(32)],
      nextauth: NEXT_AUTH_ACTIONS,
    })[param] ?? [];
  const paths = [
    // Four junk values per route, rotating, so every value meets many routes.
    ...appRoutes().flatMap((route, r) =>
      routeVariants(
        route.pattern,
        real,
        [...JUNK_SEGMENTS, ...JUNK_SEGMENTS].slice(r % JUNK_SEGMENTS.length, (r % JUNK_SEGMENTS.length) + 4),
      ),
    ),
    ...JUNK_SEGMENTS.map((junk) => `/${junk}`),
    "/double//slash",
    "/api/v1/credentials/%E0%A4%A/token",
    "/api/v1/credentials/..%2F..%2F/token",
    `/w/${workspace.slug}/credentials/${credential.id}/setup/%E0%A4%A`,
    "/invite/%E0%A4%A",
  ];

  const headerSets: Record<string, string>[] = [
    {},
    { Cookie: `next-auth.session-token=${sessionCookie!.value}` },
    {
      Cookie:
        "next-auth.session-token=garbage; zcw-zoom-connect=%E0%A4%A; next-auth.csrf-token=%%; next-auth.callback-url=javascript:x",
    },
    { Authorization: `Bearer ${key.key}` },
    { Authorization: "Bearer zcw_aaaaaaaa_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb" },
    { Authorization: "Basic %%%", "Next-Action": "not-an-action", "X-Forwarded-For": "::ffff:%" },
  ];

  type Sent = { method: string; path: string; status: number };
  const jobs: (() => Promise<Sent>)[] = [];
  const client = await playwright.request.newContext({ baseURL: E2E_APP_URL });
  const send =
    (
      api: APIRequestContext,
      method: string,
      path: string,
      headers: Record<string, string>,
      body?: { type: string; data: string | Buffer },
    ) =>
    async (): Promise<Sent> => {
      const response = await api.fetch(path, {
        method,
        headers: body ? { ...headers, "Content-Type": body.type } : headers,
        data: body?.data,
        maxRedirects: 0,
        failOnStatusCode: false,
      });
      return { method, path, status: response.status() };
    };

  // Real paths get every kind of body, junk paths a rotating share of
  // everything: wide coverage in well under a minute.
  const session = headerSets[1]!;
  paths.forEach((path, p) => {
    const pick = <T>(list: readonly T[], offset = 0) => list[(p + offset) % list.length]!;
    const isJunk =
      JUNK_SEGMENTS.some((junk) => path.includes(junk)) || !path.startsWith("/") || path.includes("//");
    jobs.push(send(client, "GET", `${path}${pick(JUNK_QUERIES)}`, pick(headerSets)));
    jobs.push(send(client, "GET", `${path}${pick(JUNK_QUERIES, 1)}`, session));
    const bodies = isJunk ? [pick(BODIES), pick(BODIES, 5)] : BODIES;
    bodies.forEach((body, b) =>
      jobs.push(send(client, "POST", path, b % 2 ? session : pick(headerSets, b), body)),
    );
    jobs.push(send(client, pick(METHODS), path, pick(headerSets, 2)));
  });

  const results: Sent[] = [];
  const started = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 6 }, async () => {
      while (next < jobs.length) results.push(await jobs[next++]!());
    }),
  );
  await client.dispose();
  const failures = results.filter((r) => r.status >= 500);
  console.log(
    `[fuzz] ${results.length} requests over ${paths.length} paths in ${Date.now() - started} ms; ${failures.length} answered 5xx`,
  );
  expect(failures.map((f) => `${f.status} ${f.method} ${f.path.slice(0, 120)}`)).toEqual([]);
});

// Dot segments ("..", "." and their %2e spellings), which a browser never sends and Next.js
// resolves to another path before the app sees it: `POST /api/v1/credentials/../token` was
// a 500 (it resolved to /api/v1/token, which rendered the not-found page, which took the
// multipart body for a server action). Each is answered by the app's server with a 400 in
// words. Sent raw (support/raw-http.ts): Playwright's request API would resolve them first.
const DOT_SEGMENTS = ["..", ".", "%2e%2e", "%2E%2E", "%2E.", ".%2e", "%2e", "%2E"];
const MULTIPART = { "Content-Type": "multipart/form-data; boundary=zzz" };

/** 4xx, and words a person can read: JSON with a message for the APIs, else plain text. */
function inWords(answer: RawAnswer): boolean {
  if (answer.status < 400 || answer.status >= 500) return false;
  const type = String(answer.headers["content-type"] ?? "");
  let words = answer.body;
  if (type.startsWith("application/json")) {
    try {
      const { message } = JSON.parse(answer.body) as { message?: unknown };
      words = typeof message === "string" ? message : "";
    } catch {
      return false;
    }
  } else if (!type.startsWith("text/plain")) return false;
  return words.split(" ").length >= 5;
}

test("dot segments at any place of any API route get a 4xx in words, never a redirect or a 5xx", async () => {
  test.setTimeout(120_000);
  const { owner, workspace } = await createWorkspaceWithOwner();
  const credential = await testDb().credential.create({
    data: { workspaceId: workspace.id, ownerId: owner.id, name: "Dotted", method: "oauth" },
  });
  const real: Record<string, string> = {
    id: credential.id,
    nextauth: "callback/credentials",
    path: "users/me",
    appId: "app1",
    rest: "v2/nope",
  };
  const paths = new Set<string>();
  for (const { pattern } of appRoutes().filter((route) => route.kind === "api")) {
    const segments = pattern
      .split("/")
      .filter(Boolean)
      .map((segment) => real[/^\[(?:\.\.\.)?(\w+)\]$/.exec(segment)?.[1] ?? ""] ?? segment);
    for (const dots of DOT_SEGMENTS)
      for (let at = 0; at <= segments.length; at++) {
        // Inserted before each segment (and at the end), and in place of each segment.
        paths.add(`/${[...segments.slice(0, at), dots, ...segments.slice(at)].join("/")}`);
        if (at < segments.length)
          paths.add(`/${[...segments.slice(0, at), dots, ...segments.slice(at + 1)].join("/")}`);
      }
  }
  paths.add("/api/v1/credentials/../token");
  paths.add("/api/v1/credentials\\..\\token");

  const methods = ["GET", "PUT", "DELETE", "PATCH"];
  // Every path with a multipart body (what made the 500), and with one other method in turn.
  const requests = [...paths].flatMap((path, p) => [
    { method: "POST", path, headers: MULTIPART, body: "garbage" },
    { method: methods[p % methods.length]!, path },
  ]);
  const failures: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 6 }, async () => {
      while (next < requests.length) {
        const request = requests[next++]!;
        const answer = await rawRequest(request);
        if (!inWords(answer))
          failures.push(`${answer.status} ${request.method} ${request.path}: ${answer.body.slice(0, 60)}`);
      }
    }),
  );
  console.log(
    `[fuzz] ${requests.length} dot-segment requests over ${paths.size} paths; ${failures.length} not a 4xx in words`,
  );
  expect(failures).toEqual([]);
});

test("an address under /api/ that names no API gets a 404 in words for any method and body", async () => {
  const paths = [
    "/api/v1/token",
    "/api/nope",
    "/api/v1/credentials/x/zoom",
    "/api/auth",
    "/api/v1/credentials/x/y/z",
  ];
  for (const path of paths)
    for (const [method, headers, body] of [
      ["POST", MULTIPART, "garbage"],
      ["POST", { "Content-Type": "multipart/form-data" }, "--x\r\ngarbage"],
      ["POST", { "Content-Type": "application/json" }, "{bad"],
      ["GET", {}, undefined],
      ["DELETE", {}, undefined],
    ] as const) {
      const answer = await rawRequest({ method, path, headers, body });
      expect(`${method} ${path} ${answer.status}`).toBe(`${method} ${path} 404`);
      expect(inWords(answer), answer.body).toBe(true);
    }
});
