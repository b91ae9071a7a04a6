import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { EmailOffNotice } from "@/components/notifications/email-off-notice";
import { parseEnv } from "@/lib/env";
import { composeEmail } from "./compose";

describe("email configuration", () => {
  it("is off without SMTP_URL, and the settings page says how to turn it on", () => {
    expect(parseEnv({}).SMTP_URL).toBeUndefined();
    const html = renderToStaticMarkup(createElement(EmailOffNotice));
    expect(html).toContain("Email is off for this app");
    expect(html).toContain("SMTP_URL");
    expect(html).toContain("MAIL_FROM");
  });

  it("takes smtp:// and smtps:// URLs with a sender, and says what is wrong otherwise", () => {
    expect(
      parseEnv({ SMTP_URL: "smtps://u:p@mail.example.com:465", MAIL_FROM: "Wizard <w@example.com>" })
        .SMTP_URL,
    ).toBe("smtps://u:p@mail.example.com:465");
    expect(() => parseEnv({ SMTP_URL: "http://mail.example.com" })).toThrow(/SMTP_URL: must be an smtp:\/\//);
    expect(() => parseEnv({ SMTP_URL: "smtp://mail.example.com" })).toThrow(/MAIL_FROM: must be set/);
    expect(() => parseEnv({ SMTP_URL: "smtp://m.example.com", MAIL_FROM: "nobody" })).toThrow(
      /MAIL_FROM: must be an email address/,
    );
    expect(() => parseEnv({ WEBHOOK_ALLOW_PRIVATE_TARGETS: "yes" })).toThrow(/must be 1 \(on\) or 0 \(off\)/);
  });

  it("writes a short email with the reason, the one thing to do and the link", () => {
    const { subject, text } = composeEmail(
      {
        id: "e1",
        workspaceId: "w",
        credentialId: "c1",
        kind: "expiring_soon",
        details: { credentialName: "Sales Zoom", reason: "The pasted access token expires on 9 Dec." },
        createdAt: new Date(),
      },
      "https://wizard.example.com/w/acme/credentials/c1",
    );
    expect(subject).toBe("“Sales Zoom” expires soon");
    expect(text).toContain("Why: The pasted access token expires on 9 Dec.");
    expect(text).toContain("What to do: Open the connection and reconnect it before it expires.");
    expect(text).toContain("https://wizard.example.com/w/acme/credentials/c1");
    expect(text.split("\n").length).toBeLessThan(15);
  });
});
