import { describe, expect, it } from "vitest";
import { defineGuide } from "./define-guide";
import {
  canOpenStep,
  firstUnfinishedStep,
  formStep,
  furthest,
  neighbours,
  nextStepKey,
  parseStep,
  stepLabel,
  stepOfKind,
} from "./progress";
import { fixStepLink, urlAfterForm, wizardStepUrl } from "./step-url";

// A small guide of its own, so these tests say what the gate does, not what today's wizards contain.
const step = (key: string, kind: "info" | "client-credentials" | "connect" | "done" = "info") => ({
  key,
  kind,
  title: key,
  summary: "",
  instructions: [],
});
const guide = defineGuide({
  method: "oauth",
  title: "Test",
  steps: [
    step("open"),
    step("paste", "client-credentials"),
    step("read"),
    step("connect", "connect"),
    step("end", "done"),
  ],
  reconnectStep: "connect",
});

describe("the gate", () => {
  it("sends someone who finished nothing to the first step", () => {
    expect(firstUnfinishedStep(guide, null).key).toBe("open");
    expect(firstUnfinishedStep(guide, undefined).key).toBe("open");
  });

  it("opens the step after the furthest one finished", () => {
    expect(firstUnfinishedStep(guide, "open").key).toBe("paste");
    expect(firstUnfinishedStep(guide, "read").key).toBe("connect");
  });

  it("stays on the last step once everything is finished", () => {
    expect(firstUnfinishedStep(guide, "connect").key).toBe("end");
    expect(firstUnfinishedStep(guide, "end").key).toBe("end");
    expect(canOpenStep(guide, "end", "end")).toBe(true);
    expect(nextStepKey(guide, "end")).toBe("end");
    expect(neighbours(guide, "end")).toMatchObject({ previous: { key: "connect" }, next: null });
  });

  it("does not let anyone skip ahead", () => {
    expect(canOpenStep(guide, null, "open")).toBe(true);
    expect(canOpenStep(guide, null, "paste")).toBe(false);
    expect(canOpenStep(guide, "open", "paste")).toBe(true);
    expect(canOpenStep(guide, "open", "read")).toBe(false);
    expect(canOpenStep(guide, "open", "end")).toBe(false);
  });

  it("keeps finished steps open, and going Back keeps the progress", () => {
    expect(canOpenStep(guide, "read", "open")).toBe(true);
    // Finishing an earlier step again (after Back) must not forget the later ones.
    expect(furthest(guide, "read", "paste")).toBe("read");
    expect(firstUnfinishedStep(guide, furthest(guide, "read", "paste")).key).toBe("connect");
    expect(furthest(guide, "paste", "read")).toBe("read");
    expect(furthest(guide, null, "open")).toBe("open");
  });

  it("treats a stale or unknown stored step as nothing finished, without failing", () => {
    for (const stored of ["credentials-v1", "", "OPEN", "__proto__", "done "]) {
      expect(parseStep(guide, stored)).toBeNull();
      expect(firstUnfinishedStep(guide, stored).key).toBe("open");
      expect(canOpenStep(guide, stored, "paste")).toBe(false);
      expect(furthest(guide, stored, "open")).toBe("open");
    }
    expect(parseStep(guide, "read")).toBe("read");
  });

  it("refuses a step this guide does not have", () => {
    expect(canOpenStep(guide, "end", "nowhere")).toBe(false);
    expect(() => wizardStepUrl("ws", "c1", guide, "nowhere")).toThrow(/no step "nowhere"/);
  });
});

describe("numbers, neighbours and addresses come from the guide", () => {
  it("numbers steps from 1 in guide order", () => {
    expect(stepLabel(guide, "open")).toBe("step 1");
    expect(stepLabel(guide, "connect")).toBe("step 4");
    expect(neighbours(guide, "paste")).toMatchObject({ previous: { key: "open" }, next: { key: "read" } });
    expect(neighbours(guide, "open").previous).toBeNull();
  });

  it("finds a form's step by its kind, and the step after it", () => {
    expect(formStep(guide, "client-credentials").key).toBe("paste");
    expect(stepOfKind(guide, "scopes")).toBeNull();
    expect(() => formStep(guide, "scopes")).toThrow(/no "scopes" step/);
    expect(urlAfterForm("ws", "c1", guide, "client-credentials")).toBe("/w/ws/credentials/c1/setup/read");
    expect(urlAfterForm("ws", "c1", guide, "connect")).toBe("/w/ws/credentials/c1/setup/end");
  });

  it("links an error to an earlier step only", () => {
    expect(fixStepLink("ws", "c1", guide, "connect", "paste")).toEqual({
      href: "/w/ws/credentials/c1/setup/paste",
      label: "Go to step 2",
    });
    expect(fixStepLink("ws", "c1", guide, "connect", "connect")).toBeNull();
    expect(fixStepLink("ws", "c1", guide, "connect", "end")).toBeNull();
    expect(fixStepLink("ws", "c1", guide, "connect", "s2s-credentials")).toBeNull();
    expect(fixStepLink("ws", "c1", guide, "connect", null)).toBeNull();
  });
});

describe("defineGuide", () => {
  it("refuses two steps with the same key", () => {
    expect(() =>
      defineGuide({ method: "s2s", title: "x", steps: [step("a"), step("a")], reconnectStep: "a" }),
    ).toThrow(/two steps with the key "a"/);
  });

  it("numbers the guide's own references to its steps, and refuses unknown ones", () => {
    const referring = defineGuide({
      method: "s2s",
      title: "x",
      steps: [step("a"), { ...step("b"), notes: ["Paste the address from {step:a}."] }],
      reconnectStep: "b",
    });
    expect(referring.steps[1]!.notes).toEqual(["Paste the address from step 1."]);
    expect(() =>
      defineGuide({
        method: "s2s",
        title: "x",
        steps: [{ ...step("a"), summary: "See {step:zz}." }],
        reconnectStep: "a",
      }),
    ).toThrow(/unknown step "zz"/);
  });
});
