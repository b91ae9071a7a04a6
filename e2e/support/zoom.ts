import { emulatorControl } from "../zoom-emulator/control-client";
import { unique } from "./factory";
import { E2E_APP_URL, E2E_EMULATOR_URL } from "./test-env";

export const zoom = emulatorControl(E2E_EMULATOR_URL);
export const REDIRECT_URL = `${E2E_APP_URL}/api/auth/callback/zoom`;

/** A Zoom app of the test's own (as if made in the Marketplace) and the Zoom user who signs in to it. */
export async function createZoomApp(
  options: { scopes?: string[]; redirectUrls?: string[]; allowList?: string[] } = {},
) {
  const app = {
    clientId: unique("cid").replace(/-/g, ""),
    clientSecret: `${unique("secret").replace(/-/g, "")}abcdefghijkl`,
    scopes: options.scopes ?? ["user:read:user", "meeting:read:list_meetings"],
  };
  await zoom.registerApp({
    ...app,
    type: "oauth",
    redirectUrls: options.redirectUrls ?? [REDIRECT_URL],
    allowList: options.allowList ?? options.redirectUrls ?? [REDIRECT_URL],
  });
  const user = {
    id: unique("zu"),
    email: `${unique("dana")}@zoom-user.example`,
    firstName: "Dana",
    lastName: "Zoomer",
    accountId: unique("acct"),
  };
  await zoom.registerUser(user);
  await zoom.signIn(user.id, app.clientId);
  return { app, user };
}

/** A Server-to-Server app of the test's own, with a Zoom user in its account. */
export async function createS2SApp(options: { activated?: boolean } = {}) {
  const accountId = unique("acct");
  const app = {
    clientId: unique("s2s").replace(/-/g, ""),
    clientSecret: `${unique("secret").replace(/-/g, "")}abcdefghijkl`,
    accountId,
  };
  await zoom.registerApp({
    ...app,
    type: "s2s",
    scopes: ["user:read:user:admin", "meeting:read:list_meetings:admin"],
    activated: options.activated ?? true,
  });
  const user = {
    id: unique("zu"),
    email: `${unique("admin")}@zoom-user.example`,
    firstName: "Sam",
    lastName: "Server",
    accountId,
  };
  await zoom.registerUser(user);
  return { app, user };
}
