// On globalThis so route handlers and server actions (which Next.js may load
// as separate module copies) share one map per process.
const shared = globalThis as unknown as { zcwInFlight?: Map<string, Promise<unknown>> };
const inFlight = (shared.zcwInFlight ??= new Map<string, Promise<unknown>>());

/**
 * Callers asking for the same key while a call runs share its result, so one
 * process makes one refresh per credential however many requests wait on it.
 */
export function singleFlight<T>(key: string, run: () => Promise<T>): Promise<T> {
  const running = inFlight.get(key);
  if (running) return running as Promise<T>;
  const promise = run().finally(() => inFlight.delete(key));
  inFlight.set(key, promise);
  return promise;
}
