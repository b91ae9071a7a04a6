import { afterEach, describe, expect, it, vi } from "vitest";
import { GUIDES } from "@/lib/guides";
import { stepLabel } from "@/lib/guides/progress";
import { STEP_BUTTONS } from "@/lib/guides/step-kinds";
import { defineGuide } from "@/lib/guides/define-guide";
import type { Guide, GuideMethod, GuideStep } from "@/lib/guides/types";
import { CATALOGUE_IDS, catalogueEntry, type BuildOptions } from "./error-catalogue";
import { explainZoomMessage } from "./explain-zoom-message";

// Every catalogue entry, in every wizard: each step a message names is a step
// of the wizard the person is in, and each of the app's buttons it names is a
// button that wizard has — on the very step named with it. (The Access Token
// wizard once said "press Connect to Zoom on step 6": it has no such button,
// and its step 6 is "Connected".)

const APP_BUTTONS = [...new Set(Object.values(STEP_BUTTONS).filter((b) => b !== null))];

// The parts a message may weave in, so every branch of every template is read.
const VARIANTS: BuildOptions[] = [
  {},
  { zoomCode: "4700", detail: "user:read:user, user:read:user:admin" },
  { retryAfterSeconds: 30, httpStatus: 429 },
];

/** Every problem with what `message` names, read against `guide`; none means it is right. */
function misnamed(guide: Guide, message: string): string[] {
  const problems: string[] = [];
  const stepAt = (n: number) => guide.steps[n - 1];
  for (const [, number] of message.matchAll(/\bstep (\d+)\b/g)) {
    const step = stepAt(Number(number));
    if (!step) problems.push(`names step ${number}, but the guide has ${guide.steps.length}`);
    else if (step.kind === "done") problems.push(`sends the person to step ${number}, "${step.title}"`);
  }
  for (const button of APP_BUTTONS) {
    const named = new RegExp(`\\b${button}\\b(?: again)?(?: on step (\\d+))?`, "g");
    for (const [, number] of message.matchAll(named)) {
      if (!guide.steps.some((step) => STEP_BUTTONS[step.kind] === button))
        problems.push(`names the button "${button}", which this wizard does not have`);
      const step = number ? stepAt(Number(number)) : undefined;
      const onStep = step ? STEP_BUTTONS[step.kind] : undefined;
      if (step && onStep !== button)
        problems.push(
          `says "${button}" is on step ${number}, ${onStep ? `where the button is "${onStep}"` : "which has no button"}`,
        );
    }
  }
  return problems;
}

describe("the error catalogue in every wizard", () => {
  const guides = Object.values(GUIDES);

  it.each(guides.map((guide) => [guide.method, guide] as const))(
    "%s: every entry names only steps and buttons of this wizard",
    (_method, guide) => {
      const problems: string[] = [];
      for (const id of CATALOGUE_IDS) {
        for (const variant of VARIANTS) {
          const entry = catalogueEntry(id, { ...variant, flow: guide.method });
          problems.push(...misnamed(guide, entry.message).map((p) => `${id}: ${p}`));
          // The step a fix link opens is one of this guide's, and the message names it.
          const fix = entry.wizardStep;
          if (fix && !(guide.keys as readonly string[]).includes(fix))
            problems.push(`${id}: its fix step "${fix}" is not a step of this wizard`);
          else if (fix && !entry.message.includes(stepLabel(guide, fix)))
            problems.push(`${id}: does not name its fix step, ${stepLabel(guide, fix)}`);
        }
      }
      expect([...new Set(problems)]).toEqual([]);
    },
  );

  it("Zoom's words pasted into a wizard are answered in that wizard's steps", () => {
    const pasted = [
      "4700",
      "invalid_client",
      "Invalid redirect (4,700)",
      "You cannot authorize the app",
      "124",
    ];
    for (const guide of guides)
      for (const text of pasted) {
        const { entry } = explainZoomMessage(text, { flow: guide.method });
        expect(misnamed(guide, entry.message), `${guide.method}: ${text}`).toEqual([]);
      }
  });

  it("the check itself catches the old mistake, a step that does not exist and a button on the wrong step", () => {
    const { access_token: accessToken, oauth, s2s } = GUIDES;
    expect(misnamed(accessToken, "To fix it, press Connect to Zoom on step 6.")).toEqual([
      'sends the person to step 6, "Connected"',
      'names the button "Connect to Zoom", which this wizard does not have',
      'says "Connect to Zoom" is on step 6, which has no button',
    ]);
    expect(misnamed(s2s, "Paste them on step 9.")).toEqual(["names step 9, but the guide has 7"]);
    expect(misnamed(oauth, "Press Connect to Zoom on step 4.")).toEqual([
      'says "Connect to Zoom" is on step 4, where the button is "Next"',
    ]);
    expect(
      misnamed(accessToken, "Paste a new token on step 4, then press Test connection on step 5."),
    ).toEqual([]);
  });

  it("the Access Token wizard answers Zoom's refusal with its own steps", () => {
    const entry = catalogueEntry("invalid_access_token", { flow: "access_token", zoomCode: "124" });
    expect(entry.wizardStep).toBe("jwt-paste");
    expect(entry.message).toBe(
      "Zoom no longer accepts this access token: it ran out, or the app it comes from was switched off. To fix it, paste a new token on step 4, then press Test connection on step 5.",
    );
  });
});

// A number that exists in the guide may still be another guide's. So: give one
// guide an extra first step and build every message again. Each step a message
// names must move one on — a number taken from any other guide, or written by
// hand, stays where it was.
describe("step numbers follow the guide the person is in", () => {
  const MODULES: Record<GuideMethod, [path: string, name: string]> = {
    oauth: ["@/lib/guides/oauth-guide", "oauthGuide"],
    s2s: ["@/lib/guides/s2s-guide", "s2sGuide"],
    access_token: ["@/lib/guides/access-token-guide", "accessTokenGuide"],
  };
  afterEach(() => {
    vi.doUnmock(MODULES.oauth[0]);
    vi.doUnmock(MODULES.s2s[0]);
    vi.doUnmock(MODULES.access_token[0]);
    vi.resetModules();
  });

  const shifted = (message: string) =>
    message.replace(/\bstep (\d+)\b/g, (_, n: string) => `step ${Number(n) + 1}`);

  it.each(Object.keys(MODULES) as GuideMethod[])("%s", async (method) => {
    const [path, name] = MODULES[method];
    vi.resetModules();
    vi.doMock(path, async (importOriginal) => {
      const original = (await importOriginal<Record<string, Guide>>())[name]!;
      const first: GuideStep = {
        key: "inserted",
        kind: "info",
        title: "Inserted",
        summary: "x",
        instructions: [],
      };
      return { [name]: defineGuide({ ...original, steps: [first, ...original.steps] }) };
    });
    const moved = await import("./error-catalogue");
    const wrong: string[] = [];
    for (const id of CATALOGUE_IDS)
      for (const variant of VARIANTS) {
        const before = catalogueEntry(id, { ...variant, flow: method }).message;
        const after = moved.catalogueEntry(id, { ...variant, flow: method }).message;
        if (after !== shifted(before)) wrong.push(`${id}: ${before}`);
      }
    expect([...new Set(wrong)]).toEqual([]);
  });
});
