import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";

/**
 * Another process on a test's SQLite file: `script` is an ES module run by
 * plain node with the database URL as its argument (a libSQL client of its
 * own). It speaks in lines: what it prints is read with `next()`, and `send()`
 * writes a line to its stdin.
 */
export function startSqliteProcess(script: string, url: string) {
  const child = spawn(process.execPath, ["--input-type=module", "-e", script, url], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const closed = once(child, "close");
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return {
    next: async (): Promise<string | undefined> => (await lines.next()).value as string | undefined,
    send: (line: string) => void child.stdin.write(`${line}\n`),
    closed,
  };
}
