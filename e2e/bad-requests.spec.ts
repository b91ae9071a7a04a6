import { expect, test } from "@playwright/test";
import { createWorkspaceWithOwner, signInByApi, testDb } from "./support/factory";

// The kinds of malformed request that used to get a 500 (issue 10, item 11):
// each now gets a 400 in plain words, JSON for the APIs.

test("invalid percent-encoding in a dynamic segment gets a 400 in words", async ({ page, request }) => {
  const { owner, workspace } = await createWorkspaceWithOwner();
  const credential = await testDb().credential.create({
    data: { workspaceId: workspace.id, ownerId: owner.id, name: "Encoded", method: "oauth" },
  });
  const invite = await request.get("/invite/%E0%A4%A");
  expect(invite.status()).toBe(400);
  expect(invite.headers()["content-type"]).toContain("text/plain");
  expect(await invite.text()).toBe(
    "This address is not valid: part of it is wrongly encoded. Check the link and try again.",
  );

  const api = await request.get("/api/v1/credentials/%E0%A4%A/token");
  expect(api.status()).toBe(400);
  expect(await api.json()).toMatchObject({
    error: "bad_request",
    message: expect.stringContaining("wrongly encoded"),
  });

  await signInByApi(page, owner);
  const step = await page.request.get(`/w/${workspace.slug}/credentials/${credential.id}/setup/%E0%A4%A`);
  expect(step.status()).toBe(400);
});

test("a broken multipart form posted to a page gets a 400, not a crash", async ({ request }) => {
  for (const path of ["/sign-in", "/", "/invite/abc"]) {
    const response = await request.post(path, {
      headers: { "Content-Type": "multipart/form-data; boundary=zzz" },
      data: "garbage",
    });
    expect(response.status()).toBe(400);
    expect(await response.text()).toBe("The form could not be read. Reload the page and try again.");
  }
});

test("junk bodies and callback URLs at next-auth get a 4xx JSON answer", async ({ request }) => {
  const cases = [
    { path: "/api/auth/callback/credentials", type: "application/json", data: "{bad" },
    { path: "/api/auth/signin/credentials", type: "application/json", data: "[1,2]" },
    { path: "/api/auth/_log", type: "application/json", data: '{"level":"constructor"}' },
  ];
  for (const { path, type, data } of cases) {
    const response = await request.post(path, { headers: { "Content-Type": type }, data });
    expect(response.status()).toBe(400);
    expect(await response.json()).toMatchObject({ error: "bad_request" });
  }
  const callback = await request.get("/api/auth/session?callbackUrl=javascript:alert(1)");
  expect(callback.status()).toBe(400);
  expect((await request.get("/api/auth/callback/credentials")).status()).toBe(405);
  // A junk callback cookie no longer breaks every page: it is dropped.
  const page = await request.get("/sign-in", { headers: { Cookie: "next-auth.callback-url=javascript:x" } });
  expect(page.status()).toBe(200);
});
