// The catalogue's words for the places where Zoom is harsh (docs/zoom-behaviour.md).
import { describe, expect, it } from "vitest";
import { oauthGuide } from "@/lib/guides/oauth-guide";
import { s2sGuide } from "@/lib/guides/s2s-guide";
import { formStepLabel, stepLabel } from "@/lib/guides/progress";
import { classifyApiError, classifyTokenError, lookupZoomCode } from "./error-catalogue";

const ADD_SCOPE =
  "Add the scope user:read:user on your app's Scopes page (for a User-managed app, the name without :admin), then connect again";
const MESSAGE = "Invalid access token, does not contain scopes:[user:read:user, user:read:user:admin]";

describe("missing scopes, whatever the code", () => {
  it.each([4700, 4711, 104])(
    "REST answer with code %i → add user:read:user, never 'press Connect' alone",
    (code) => {
      const entry = classifyApiError({ status: 400, body: { code, message: MESSAGE } });
      expect(entry).toMatchObject({
        id: "missing_scope",
        action: "add_scope",
        wizardStep: "scopes",
        zoomCode: String(code),
      });
      expect(entry.message).toContain(ADD_SCOPE);
      expect(entry.message).toContain("user:read:user, user:read:user:admin");
      expect(entry.message).toContain(formStepLabel(oauthGuide, "scopes"));
      expect(entry.message).not.toMatch(/scopes changed/i);
    },
  );

  it("the same words on the token endpoint and for a typed 4711", () => {
    const token = classifyTokenError({
      status: 400,
      body: {
        reason: "Refresh token invalid: token scopes do not match client scopes",
        error: "invalid_grant",
        code: 4711,
      },
    });
    expect(token).toMatchObject({ id: "missing_scope", wizardStep: "scopes" });
    expect(token.message).toContain(ADD_SCOPE);
    expect(classifyTokenError({ status: 400, body: { reason: MESSAGE, error: "invalid_request" } }).id).toBe(
      "missing_scope",
    );
    expect(lookupZoomCode("4711").message).toContain(ADD_SCOPE);
    expect(lookupZoomCode("104", { source: "api" }).id).toBe("missing_scope");
    expect(lookupZoomCode("scopes_changed").id).toBe("missing_scope");
  });

  it("a Server-to-Server app is told the :admin name", () => {
    const entry = classifyApiError({ status: 400, body: { code: 4700, message: MESSAGE }, flow: "s2s" });
    expect(entry.message).toContain("Add the scope user:read:user:admin");
    expect(entry.message).toContain(stepLabel(s2sGuide, "s2s-scopes"));
  });
});

describe("invalid_grant without a number", () => {
  it("Zoom's bare answer → reconnect, naming the replaced-connection cause", () => {
    const entry = classifyTokenError({
      status: 400,
      body: { reason: "Invalid Token!", error: "invalid_grant" },
    });
    expect(entry).toMatchObject({
      id: "invalid_grant",
      action: "reconnect",
      zoomCode: "invalid_grant",
      wizardStep: "connect",
    });
    expect(entry.message).toContain("replaced by a newer one");
  });
});

describe("the Development / Production mix-up and the public Client ID", () => {
  it("invalid_client names both", () => {
    const entry = classifyTokenError({
      status: 400,
      body: { reason: "Invalid client_id or client_secret", error: "invalid_client" },
    });
    expect(entry.message).toContain("Development Client ID with the Production Client Secret");
    expect(entry.message).toContain("public Client ID");
    expect(entry.message).toContain(formStepLabel(oauthGuide, "client-credentials"));
  });

  it("4700 says the redirect goes into the same view as the keys, and suggests 127.0.0.1 for localhost", () => {
    const entry = lookupZoomCode("4700");
    expect(entry).toMatchObject({ id: "invalid_redirect", wizardStep: "redirect" });
    expect(entry.message).toContain("same view (Development or Production) as the Client ID");
    expect(entry.message).toContain("http://127.0.0.1");
    expect(entry.message).toContain(formStepLabel(oauthGuide, "copy-urls"));
  });
});
