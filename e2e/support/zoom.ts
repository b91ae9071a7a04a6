import {
  emulatorControl,
  type AppRegistration,
  type EmulatorControl,
  type FaultRequest,
  type UserRegistration,
} from "../../testing/zoom-emulator/control-client";
import { unique } from "./factory";
import { E2E_APP_URL, E2E_EMULATOR_URL } from "./test-env";

/**
 * The shared emulator, as specs running in parallel must use it: a fault
 * names the app it is for, and clearing faults clears only that app's, so one
 * spec's injected failure can never land in another's flow.
 */
export interface SharedEmulatorControl extends Omit<EmulatorControl, "addFault" | "clearFaults" | "reset"> {
  addFault(fault: FaultRequest & { clientId: string }): Promise<void>;
  clearFaults(clientId: string): Promise<void>;
}

const control = emulatorControl(E2E_EMULATOR_URL);
export const zoom: SharedEmulatorControl = {
  ...control,
  addFault: (fault) => control.addFault(fault),
  clearFaults: (clientId) => control.clearFaults(clientId),
};
export const REDIRECT_URL = `${E2E_APP_URL}/api/auth/callback/zoom`;

type AppOptions = Partial<
  Omit<AppRegistration, "clientId" | "clientSecret" | "type" | "accountId" | "name">
> & { role?: UserRegistration["role"] };

/**
 * A Zoom app of the test's own (as if made in the Marketplace) and the Zoom
 * user who signs in to it — a user of the account the app was built in, as a
 * private (unpublished) app requires. It requires PKCE, so a handshake that
 * did not really send a code challenge and its verifier fails.
 */
export async function createZoomApp(options: AppOptions = {}) {
  const { role, ...appOptions } = options;
  const accountId = unique("acct");
  const app = {
    clientId: unique("cid").replace(/-/g, ""),
    clientSecret: `${unique("secret").replace(/-/g, "")}abcdefghijkl`,
    scopes: options.scopes ?? ["user:read:user", "meeting:read:list_meetings"],
  };
  await zoom.registerApp({
    requirePkce: true,
    ...appOptions,
    ...app,
    type: "oauth",
    accountId,
    redirectUrls: options.redirectUrls ?? [REDIRECT_URL],
    allowList: options.allowList ?? options.redirectUrls ?? [REDIRECT_URL],
  });
  const user = {
    id: unique("zu"),
    email: `${unique("dana")}@zoom-user.example`,
    firstName: "Dana",
    lastName: "Zoomer",
    accountId,
    ...(role ? { role } : {}),
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
