import { escapeHtml } from "./http-utils";
import type { EmulatorApp, EmulatorUser } from "./types";

const STYLE = `
  body { font-family: system-ui, sans-serif; background: #f5f7fa; color: #1f2937; margin: 0; }
  main { max-width: 30rem; margin: 4rem auto; background: #fff; border-radius: 12px; padding: 2rem;
         box-shadow: 0 1px 3px rgba(0,0,0,.12); }
  .brand { color: #0b5cff; font-weight: 700; letter-spacing: .02em; margin: 0 0 1rem; }
  h1 { font-size: 1.25rem; margin: 0 0 1rem; }
  ul { padding-left: 1.25rem; } code { background: #f1f5f9; padding: 0 .25rem; border-radius: 4px; }
  .actions { display: flex; gap: .75rem; margin-top: 1.5rem; }
  button { font: inherit; padding: .6rem 1.4rem; border-radius: 8px; border: 1px solid #cbd5e1; cursor: pointer; }
  button.allow { background: #0b5cff; color: #fff; border-color: #0b5cff; }
  .note { color: #64748b; font-size: .85rem; margin-top: 1.5rem; }`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main><p class="brand">zoom <small>(emulator)</small></p>${body}
<p class="note">This page is served by the Zoom emulator used for tests and offline demos.</p></main></body></html>`;
}

export function consentPage(app: EmulatorApp, user: EmulatorUser, consentId: string): string {
  const scopes = app.scopes.map((s) => `<li><code>${escapeHtml(s)}</code></li>`).join("");
  const name = `${user.firstName} ${user.lastName}`.trim();
  return layout(
    `Allow ${app.name} to access your Zoom account?`,
    `<h1>Allow ${escapeHtml(app.name)} to access your Zoom account?</h1>
<p>You are signed in to Zoom as <strong>${escapeHtml(name)}</strong> (${escapeHtml(user.email)}).</p>
<p>${escapeHtml(app.name)} is asking for:</p><ul>${scopes || "<li>No scopes</li>"}</ul>
<form method="post" action="/oauth/authorize">
<input type="hidden" name="consent_id" value="${escapeHtml(consentId)}">
<div class="actions"><button class="allow" type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="decline">Decline</button></div>
</form>`,
  );
}

/** Zoom shows OAuth failures as a page, not a redirect, e.g. "Error 4700: Invalid redirect". */
export function errorPage(code: number | null, title: string, detail: string): string {
  const heading = code === null ? title : `Error ${code}: ${title}`;
  // Zoom's own pages print the code with a thousands separator: "Invalid redirect: … (4,700)".
  const zoomLine = code === null ? "" : `<p>${escapeHtml(title)} (${code.toLocaleString("en-US")})</p>`;
  return layout(heading, `<h1>${escapeHtml(heading)}</h1>${zoomLine}<p>${escapeHtml(detail)}</p>`);
}

/**
 * The pages that stay on Zoom (docs/zoom-behaviour.md, "Errors that stay on Zoom's pages").
 * The headings are the words people report seeing; the second lines are ours
 * where Zoom's exact wording is not known.
 */
export const STAY_ON_ZOOM_PAGES = {
  cannotAuthorize: {
    heading: "You cannot authorize the app",
    detail:
      "This app has not been published and can only be authorized by users of the Zoom account it was created in.",
  },
  adminRequired: {
    heading: "An account admin is required to install this type of app",
    detail: "Please contact your account admin or IT administrator to install this app.",
  },
  preApproval: {
    heading: "This app requires pre-approval by your account admin",
    detail:
      "Your account admin requires apps to be pre-approved before they can be installed. Request pre-approve from your admin.",
  },
} as const;

export function stayOnZoomPage(page: keyof typeof STAY_ON_ZOOM_PAGES): string {
  const { heading, detail } = STAY_ON_ZOOM_PAGES[page];
  return layout(heading, `<h1>${escapeHtml(heading)}</h1><p>${escapeHtml(detail)}</p>`);
}
