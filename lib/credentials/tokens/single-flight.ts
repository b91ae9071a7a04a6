const inFlight = new Map<string, Promise<unknown>>();

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
