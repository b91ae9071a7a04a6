import { describe, expect, it } from "vitest";
import { PasswordWorkBusy, workLine } from "./password-queue";

/** A job that runs until the test lets it finish. */
function heldJob(log: string[], name: string) {
  let finish!: () => void;
  const released = new Promise<void>((resolve) => (finish = resolve));
  return {
    job: async () => {
      log.push(`start ${name}`);
      await released;
      log.push(`end ${name}`);
      return name;
    },
    finish,
  };
}
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("workLine", () => {
  it("runs one job at a time, keeps a short queue in order, and refuses beyond it at once", async () => {
    const line = workLine({ running: 1, waiting: 2 });
    const log: string[] = [];
    const jobs = ["a", "b", "c", "d"].map((name) => heldJob(log, name));
    const runs = jobs.map(({ job }) => line.run(job));
    const refused = runs[3]!.catch((error: unknown) => error);
    await settle();
    expect(log).toEqual(["start a"]);
    expect(line.load).toEqual({ running: 1, waiting: 2 });
    expect(line.isFull).toBe(true);
    expect(await refused).toBeInstanceOf(PasswordWorkBusy);

    jobs[0]!.finish();
    await expect(runs[0]).resolves.toBe("a");
    await settle();
    expect(log).toEqual(["start a", "end a", "start b"]);
    expect(line.isFull).toBe(false);
    jobs[1]!.finish();
    jobs[2]!.finish();
    await expect(Promise.all(runs.slice(1, 3))).resolves.toEqual(["b", "c"]);
    expect(line.load).toEqual({ running: 0, waiting: 0 });
  });

  it("lets a job that may not be refused wait its turn even when the queue is full", async () => {
    const line = workLine({ running: 1, waiting: 1 });
    const log: string[] = [];
    const [first, second, account] = ["first", "second", "account"].map((name) => heldJob(log, name));
    const runs = [line.run(first!.job), line.run(second!.job)];
    const accountRun = line.run(account!.job, { refuseWhenFull: false });
    await settle();
    expect(line.load).toEqual({ running: 1, waiting: 2 });
    first!.finish();
    second!.finish();
    account!.finish();
    await expect(Promise.all([...runs, accountRun])).resolves.toEqual(["first", "second", "account"]);
  });

  it("frees the place of a job that fails", async () => {
    const line = workLine({ running: 1, waiting: 0 });
    await expect(line.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(line.run(() => Promise.resolve("next"))).resolves.toBe("next");
  });
});
