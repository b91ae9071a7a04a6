import { Worker } from "node:worker_threads";

/**
 * bcrypt runs in a thread of its own. bcryptjs is plain JavaScript: on the
 * main thread even its async form holds the event loop in 100 ms slices, so
 * every sign-in delayed every token request behind it. One thread, fed one
 * job at a time by the queue in password.ts, leaves the main thread free,
 * and it runs at the lowest CPU priority: when the machine is short of CPU,
 * serving tokens goes first and sign-ins wait (`npm run bench:sign-in-flood`
 * shows the difference on a busy machine).
 *
 * The thread's code is a string Node evaluates, not a file: the bundler then
 * has nothing to rewrite, and it loads bcryptjs from the app's node_modules
 * (an external package, next.config.js) the same way under Next.js and tests.
 */
const SOURCE = `
const { parentPort } = require("node:worker_threads");
const bcrypt = require(require.resolve("bcryptjs", { paths: [process.cwd()] }));
try {
  // Linux: lowest priority for this thread alone (setpriority takes a thread id there).
  const tid = Number(require("node:fs").readlinkSync("/proc/thread-self").split("/").pop());
  require("node:os").setPriority(tid, 19);
} catch {
  // Elsewhere the thread keeps the process's priority.
}
parentPort.on("message", ({ id, op, password, hash, cost }) => {
  try {
    const result = op === "hash" ? bcrypt.hashSync(password, cost) : bcrypt.compareSync(password, hash);
    parentPort.postMessage({ id, result });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message || error) });
  }
});
`;

export type PasswordJob =
  { op: "hash"; password: string; cost: number } | { op: "compare"; password: string; hash: string };

type Reply = { id: number; result?: string | boolean; error?: string };
type Pending = { resolve: (result: string | boolean) => void; reject: (error: Error) => void };

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, Pending>();

function failAll(from: Worker, error: Error) {
  if (worker !== from) return;
  worker = null;
  for (const job of pending.values()) job.reject(error);
  pending.clear();
}

function thread(): Worker {
  if (worker) return worker;
  const started = new Worker(SOURCE, { eval: true });
  started.on("message", ({ id, result, error }: Reply) => {
    const job = pending.get(id);
    if (!job) return;
    pending.delete(id);
    if (error !== undefined || result === undefined) job.reject(new Error(error ?? "no result"));
    else job.resolve(result);
    // An idle thread must not keep a script or test process alive.
    if (pending.size === 0) started.unref();
  });
  // A crashed thread fails what it held; the next job starts a new one.
  started.on("error", (error) => failAll(started, error));
  started.on("exit", (code) => failAll(started, new Error(`the password thread stopped (${code})`)));
  worker = started;
  return started;
}

export function inPasswordThread(job: { op: "hash"; password: string; cost: number }): Promise<string>;
export function inPasswordThread(job: { op: "compare"; password: string; hash: string }): Promise<boolean>;
export function inPasswordThread(job: PasswordJob): Promise<string | boolean> {
  return new Promise((resolve, reject) => {
    const id = ++nextId;
    pending.set(id, { resolve, reject });
    const target = thread();
    target.ref(); // a job in flight keeps the process alive until it answers
    target.postMessage({ id, ...job });
  });
}
