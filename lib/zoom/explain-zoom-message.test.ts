import { describe, expect, it } from "vitest";
import { explainZoomMessage, ZOOM_ERROR_HELP_URL } from "./error-catalogue";

const explain = (input: unknown) => explainZoomMessage(input);

describe("explainZoomMessage: what Zoom showed, typed or pasted", () => {
  it.each([
    ["4700", "invalid_redirect", "redirect"],
    ["4,700", "invalid_redirect", "redirect"],
    ["  4717 ", "app_disabled", "connect"],
    ["4711", "missing_scope", "scopes"],
    ["invalid_client", "invalid_client", "credentials"],
    ["You cannot authorize the app", "cannot_authorize_app", "connect"],
    ["You can’t authorize this app.", "cannot_authorize_app", "connect"],
    [
      "An account admin is required to install this type of app. Please contact your account admin or IT administrator to install this app.",
      "admin_required",
      "app-type",
    ],
    ["This app requires pre-approval by your account admin", "pre_approval_required", "connect"],
    ["Request pre-approve", "pre_approval_required", "connect"],
    [
      "Invalid redirect: http://localhost:3000/api/auth/callback/zoom (4,700)",
      "invalid_redirect",
      "redirect",
    ],
    ["Error 4717: The app has been disabled", "app_disabled", "connect"],
    [
      '{"code":104,"message":"Invalid access token, does not contain scopes:[user:read:user, user:read:user:admin]"}',
      "missing_scope",
      "scopes",
    ],
    ["Sorry, something went wrong (4,709)", "redirect_mismatch", "redirect"],
  ] as const)("%j → %s", (input, id, step) => {
    const { recognised, entry, helpUrl } = explain(input);
    expect(recognised).toBe(true);
    expect(entry).toMatchObject({ id, wizardStep: step });
    expect(helpUrl).toBe(ZOOM_ERROR_HELP_URL);
  });

  it("keeps the code it found and the scope names Zoom listed", () => {
    expect(explain("Invalid redirect: https://x.example/cb (4,700)").entry.zoomCode).toBe("4700");
    const scope = explain(
      "Invalid access token, does not contain scopes:[user:read:user, user:read:user:admin]",
    );
    expect(scope.entry.message).toContain("user:read:user, user:read:user:admin");
    expect(scope.entry.message).toContain("Add the scope user:read:user on your app's Scopes page");
  });

  it("the catalogue's words for the pages that stay on Zoom", () => {
    expect(explain("You cannot authorize the app").entry.message).toContain(
      "only users of the Zoom account it was built in",
    );
    expect(explain("An account admin is required to install this type of app").entry.message).toContain(
      "User-managed (step 2)",
    );
    expect(explain("pre-approval").entry.action).toBe("contact_admin");
  });

  it("anything else: a plain 'We don't know this one' with Zoom's help link", () => {
    for (const input of [
      "",
      "   ",
      "9999",
      "the page was blank",
      "Error 12345",
      "<script>alert(1)</script>",
    ]) {
      const { recognised, entry } = explain(input);
      expect(recognised).toBe(false);
      expect(entry).toMatchObject({
        id: "not_recognised",
        title: "We don't know this one",
        wizardStep: null,
      });
      expect(entry.message).toContain(ZOOM_ERROR_HELP_URL);
      expect(entry.message).not.toContain("<");
    }
  });

  it("never throws, whatever it is given", () => {
    const odd: unknown[] = [
      null,
      undefined,
      42,
      4700,
      Number.NaN,
      {},
      [],
      Symbol("x"),
      () => "4700",
      {
        toString: () => {
          throw new Error("boom");
        },
      },
      "a".repeat(1_000_000),
      "\u0000\uFFFF\uD800",
      "(".repeat(5000) + "4,700",
      "does not contain scopes:[" + "x".repeat(10_000),
    ];
    for (const input of odd) expect(() => explain(input)).not.toThrow();
    expect(explain(4700).entry.id).toBe("invalid_redirect");
    expect(explain(null).recognised).toBe(false);
  });

  it("writes Server-to-Server answers against that wizard's steps", () => {
    expect(explainZoomMessage("invalid_client", { flow: "s2s" }).entry.wizardStep).toBe("s2s-credentials");
  });
});
