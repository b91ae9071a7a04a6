import { describe, expect, it, vi } from "vitest";
import { STEP_VIEWS } from "@/components/wizard/step-registry";
import type { StepViews } from "@/components/wizard/steps/step-props";
import { APP_SETUP_VIEWS } from "@/components/zoom-apps/app-setup-views";
import { appSetupGuide } from "@/lib/zoom-apps/app-setup-guide";
import { GUIDES, guideFor } from "./index";
import { STEP_KINDS, type Guide } from "./types";

// The registry's components import server-only modules; importing them here renders nothing.
vi.mock("server-only", () => ({}));

// Every wizard: its guide, and the views its one renderer (components/wizard/wizard-step-page.tsx) has.
const WIZARDS: { name: string; guide: Guide; views: StepViews<never> }[] = [
  ...Object.values(GUIDES).map((guide) => ({ name: `the ${guide.method} guide`, guide, views: STEP_VIEWS })),
  { name: "the “Add a Zoom app” guide", guide: appSetupGuide, views: APP_SETUP_VIEWS },
];

describe.each(WIZARDS)("$name", ({ guide, views }) => {
  it("has unique step keys, in the order of its steps", () => {
    expect(new Set(guide.keys).size).toBe(guide.keys.length);
    expect(guide.keys).toEqual(guide.steps.map((s) => s.key));
  });

  it("has each form kind at most once, so code can find a form's step by its kind", () => {
    const forms = guide.steps.map((s) => s.kind).filter((kind) => kind !== "info");
    expect(new Set(forms).size).toBe(forms.length);
  });

  it("reconnects on one of its own steps, and leaves no unresolved step reference", () => {
    expect(guide.keys).toContain(guide.reconnectStep);
    expect(JSON.stringify(guide.steps)).not.toMatch(/\{step:/);
  });

  it("has a view for every step in its own wizard, and ends on its one done step", () => {
    for (const step of guide.steps) expect(views[step.kind]?.Body, step.kind).toBeTypeOf("function");
    expect(guide.steps.filter((s) => s.kind === "done").map((s) => s.key)).toEqual([guide.keys.at(-1)]);
  });
});

describe("the step registry", () => {
  it("has a credential view for every kind, and nothing else", () => {
    expect(Object.keys(STEP_VIEWS).sort()).toEqual([...STEP_KINDS].sort());
    for (const kind of STEP_KINDS) expect(STEP_VIEWS[kind].Body, kind).toBeTypeOf("function");
  });

  it("knows a guide only for the methods it has", () => {
    expect(guideFor("oauth")).toBe(GUIDES.oauth);
    expect(guideFor("jwt")).toBeNull();
    expect(guideFor("toString")).toBeNull();
  });
});
