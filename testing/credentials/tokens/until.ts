/** Polls `check` until it says yes; throws after `ms`. For what happens in the background (a writer, a child). */
export async function until(check: () => Promise<boolean>, ms = 10_000, everyMs = 50): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
