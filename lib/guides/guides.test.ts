import { describe, expect, it, vi } from "vitest";
import { STEP_VIEWS } from "@/components/wizard/step-registry";
import { GUIDES, guideFor } from "./index";
import { STEP_KINDS } from "./types";

// The registry's components import server-only modules; importing them here renders nothing.
vi.mock("server-only", () => ({}));

describe.each(Object.values(GUIDES))("the $method guide", (guide) => {
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

  it("has a component for every step", () => {
    for (const step of guide.steps) expect(STEP_VIEWS[step.kind]?.Body, step.kind).toBeTypeOf("function");
  });
});

describe("the step registry", () => {
  it("has a component for every kind, and nothing else", () => {
    expect(Object.keys(STEP_VIEWS).sort()).toEqual([...STEP_KINDS].sort());
    for (const kind of STEP_KINDS) expect(STEP_VIEWS[kind].Body, kind).toBeTypeOf("function");
  });

  it("knows a guide only for the methods it has", () => {
    expect(guideFor("oauth")).toBe(GUIDES.oauth);
    expect(guideFor("jwt")).toBeNull();
    expect(guideFor("toString")).toBeNull();
  });
});
