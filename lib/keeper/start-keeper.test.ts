import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { emptyTickReport, type TickReport } from "./tick-report";

vi.mock("./keeper-tick", () => ({ keeperTick: vi.fn() }));

const quiet = emptyTickReport();
const fakeDb = {} as Db;

/** A fresh copy of the app's modules, reading the environment as stubbed now. */
async function load(env: Record<string, string>) {
  vi.resetModules();
  vi.stubEnv("DATA_DIR", mkdtempSync(path.join(tmpdir(), "zcw-keeper-")));
  vi.stubEnv("ENCRYPTION_KEY", Buffer.alloc(32, 1).toString("base64"));
  vi.stubEnv("NEXTAUTH_SECRET", "start-keeper-tests-secret-0123456789abcdef");
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const { keeperTick } = await import("./keeper-tick");
  const { startKeeper } = await import("./start-keeper");
  const { metrics } = await import("@/lib/metrics/registry");
  const tick = vi.mocked(keeperTick);
  tick.mockReset();
  const log = { log: vi.fn(), error: vi.fn() };
  const start = () => startKeeper({ db: () => fakeDb, firstRoundAfterMs: 1_000, log });
  return { tick, start, log, metrics };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

describe("startKeeper", () => {
  it("KEEPER_INTERVAL_SECONDS=0 turns it off: no timer, no round", async () => {
    const { tick, start } = await load({ KEEPER_INTERVAL_SECONDS: "0" });
    start();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(tick).not.toHaveBeenCalled();
  });

  it("runs a first round soon after start, then one every interval, with KEEPER_CONCURRENCY; stop ends it", async () => {
    const { tick, start } = await load({ KEEPER_INTERVAL_SECONDS: "30", KEEPER_CONCURRENCY: "3" });
    tick.mockResolvedValue(quiet);
    const stop = start();
    await vi.advanceTimersByTimeAsync(999);
    expect(tick).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(tick).toHaveBeenCalledTimes(1);
    expect(tick).toHaveBeenCalledWith(fakeDb, expect.objectContaining({ concurrency: 3, budgetMs: 22_500 }));
    await vi.advanceTimersByTimeAsync(90_000); // rounds at 30 s, 60 s, 90 s
    expect(tick).toHaveBeenCalledTimes(4);
    stop();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(tick).toHaveBeenCalledTimes(4);
  });

  it("skips a round while the last one is still running, instead of stacking them", async () => {
    const { tick, start } = await load({ KEEPER_INTERVAL_SECONDS: "10" });
    let finish: (report: TickReport) => void = () => undefined;
    tick.mockImplementationOnce(() => new Promise((resolve) => (finish = resolve)));
    tick.mockResolvedValue(quiet);
    start();
    await vi.advanceTimersByTimeAsync(35_000);
    expect(tick).toHaveBeenCalledTimes(1);
    finish(quiet);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(tick).toHaveBeenCalledTimes(2);
  });

  it("logs a failed round without secrets, counts it, and runs the next one", async () => {
    const { tick, start, log, metrics } = await load({ KEEPER_INTERVAL_SECONDS: "10" });
    const token = "eyJhbGciOiJIUzUxMiJ9.eyJ1c2VySWQiOiJ1c2VyLTEifQ.c2lnbmF0dXJlLXZhbHVlLWxvbmctZW5vdWdo";
    tick.mockRejectedValueOnce(
      new Error(`Can't reach database at postgresql://zcw:hunter2@db.internal:5432/zcw (token ${token})`),
    );
    tick.mockResolvedValue(quiet);
    const failedBefore = (await metrics().keeperRounds.get()).values.find(
      (v) => v.labels.outcome === "failed",
    );
    start();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(log.error).toHaveBeenCalledTimes(1);
    const logged = log.error.mock.calls.flat().join(" ");
    expect(logged).toContain("[keeper] round failed: Error: Can't reach database at postgresql://");
    expect(logged).not.toContain("hunter2");
    expect(logged).not.toContain(token.slice(0, 20));
    const failedAfter = (await metrics().keeperRounds.get()).values.find(
      (v) => v.labels.outcome === "failed",
    );
    expect((failedAfter?.value ?? 0) - (failedBefore?.value ?? 0)).toBe(1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(tick).toHaveBeenCalledTimes(2);
    expect(log.error).toHaveBeenCalledTimes(1);
  });

  it("says in the log when a round could not finish", async () => {
    const { tick, start, log } = await load({ KEEPER_INTERVAL_SECONDS: "10" });
    tick.mockResolvedValue({ ...quiet, renewed: 7, unfinished: true, leftDue: 42 });
    start();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(log.log).toHaveBeenCalledWith(
      expect.stringMatching(/could not finish.*42 connections still past due/),
    );
  });
});
