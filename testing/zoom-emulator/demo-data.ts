import { emulatorControl } from "./control-client";

export const DEMO_REDIRECT_URL = "http://localhost:3000/api/auth/callback/zoom";

/** The fixed demo apps and user the offline sandbox and the README refer to. */
export async function registerDemoData(
  baseUrl: string,
  redirectUrl: string = DEMO_REDIRECT_URL,
): Promise<void> {
  const control = emulatorControl(baseUrl);
  await control.registerUser({
    id: "demo-user-id",
    email: "dana@example.com",
    firstName: "Dana",
    lastName: "Demo",
    accountId: "demo-account-id",
  });
  await control.registerApp({
    clientId: "demo-client-id",
    clientSecret: "demo-client-secret-0123456789",
    type: "oauth",
    name: "Demo OAuth App",
    accountId: "demo-account-id",
    redirectUrls: [redirectUrl],
    allowList: [redirectUrl],
    scopes: ["user:read:user", "meeting:read:list_meetings"],
  });
  await control.registerApp({
    clientId: "demo-s2s-client-id",
    clientSecret: "demo-s2s-secret-0123456789",
    type: "s2s",
    name: "Demo Server-to-Server App",
    accountId: "demo-account-id",
    scopes: ["user:read:user:admin", "meeting:read:list_meetings:admin"],
  });
}
