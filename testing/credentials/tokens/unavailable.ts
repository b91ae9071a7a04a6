import { TokenUnavailableError } from "../../../lib/credentials/tokens/token-errors";

/** Await a promise that must reject with a TokenUnavailableError; returns the error. */
export async function unavailable(promise: Promise<unknown>): Promise<TokenUnavailableError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TokenUnavailableError) return error;
    throw new Error(`expected a TokenUnavailableError, got ${String(error)}`, { cause: error });
  }
  throw new Error("expected the call to fail, but it succeeded");
}
