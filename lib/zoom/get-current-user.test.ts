import { describe, expect, it } from "vitest";
import { oauthGuide } from "@/lib/guides/oauth-guide";
import { formStepLabel } from "@/lib/guides/progress";
import { S2S_APP, setupZoomEmulator, zoomFailure } from "@/testing/zoom-emulator/fixture";
import { getCurrentUser } from "./get-current-user";
import { getServerToServerToken } from "./get-server-to-server-token";

const emulator = setupZoomEmulator();
const me = (accessToken: string, flow?: "oauth" | "s2s") =>
  getCurrentUser({ accessToken, config: emulator.config, flow });

describe("getCurrentUser against the emulator", () => {
  it("returns the user with a lower-cased email", async () => {
    const tokens = await emulator.connect();
    await expect(me(tokens.accessToken)).resolves.toEqual({
      id: "user-1",
      email: "pat.person@example.com",
      firstName: "Pat",
      lastName: "Person",
      displayName: "Pat Person",
      accountId: "acct-1",
    });
    expect((await emulator.control.counters()).usersMe).toBe(1);
  });

  it("reports a missing scope as add_scope on step 5, naming the scope", async () => {
    await emulator.control.patchApp("test-client-id", { scopes: ["meeting:read:list_meetings"] });
    const tokens = await emulator.connect();
    const entry = await zoomFailure(me(tokens.accessToken));
    expect(entry).toMatchObject({
      id: "missing_scope",
      kind: "needs_person",
      action: "add_scope",
      wizardStep: "scopes",
      zoomCode: "4700",
    });
    expect(entry.message).toContain("user:read:user");
    expect(entry.message).toContain(formStepLabel(oauthGuide, "scopes"));
  });

  it("accepts the classic user:read scope", async () => {
    await emulator.control.patchApp("test-client-id", { scopes: ["user:read"] });
    const tokens = await emulator.connect();
    await expect(me(tokens.accessToken)).resolves.toMatchObject({ id: "user-1" });
  });

  it("refuses an access token past its hour (emulator clock)", async () => {
    const tokens = await emulator.connect();
    await emulator.control.setClock(3600);
    const entry = await zoomFailure(me(tokens.accessToken));
    expect(entry).toMatchObject({ id: "invalid_access_token", zoomCode: "124", httpStatus: 401 });
  });

  it("refuses a token in the query string even when it is valid", async () => {
    const tokens = await emulator.connect();
    const response = await fetch(`${emulator.url}/v2/users/me?access_token=${tokens.accessToken}`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 124 });
  });

  it("refuses a made-up token", async () => {
    expect(await zoomFailure(me("made-up"))).toMatchObject({ id: "invalid_access_token" });
  });

  it("reads the account's user with a Server-to-Server token, 1001 when there is none", async () => {
    const token = await getServerToServerToken({ ...S2S_APP, config: emulator.config });
    await expect(me(token.accessToken, "s2s")).resolves.toMatchObject({ id: "user-1", accountId: "acct-1" });
    await emulator.control.registerApp({ ...S2S_APP, clientId: "lonely", accountId: "acct-empty" });
    const lonely = await getServerToServerToken({
      ...S2S_APP,
      clientId: "lonely",
      accountId: "acct-empty",
      config: emulator.config,
    });
    const entry = await zoomFailure(me(lonely.accessToken, "s2s"));
    expect(entry).toMatchObject({
      id: "user_not_found",
      zoomCode: "1001",
      httpStatus: 404,
      wizardStep: "s2s-connect",
    });
  });
});
