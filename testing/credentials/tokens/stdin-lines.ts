import { createInterface } from "node:readline";

// The child processes of the multi-instance tests read their orders one line at a time.
const lines: AsyncIterator<string> = createInterface({ input: process.stdin })[Symbol.asyncIterator]();

/** The next line on stdin; throws when the parent closed it. */
export async function nextLine(): Promise<string> {
  const line = await lines.next();
  if (line.done) throw new Error("stdin closed");
  return line.value;
}
