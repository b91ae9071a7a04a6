import { expect, test, type APIRequestContext } from "@playwright/test";
import { newApiKey } from "../lib/api-keys/api-key-format";
import { createWorkspaceWithOwner, testDb } from "./support/factory";
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
  const csrf = (await (await signedIn.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await signedIn.post("/api/auth/callback/credentials", {
    form: { csrfToken: csrf.csrfToken, email: owner.email, password: owner.password, json: "true" },
  });
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
