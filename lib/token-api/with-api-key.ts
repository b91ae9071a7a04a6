import type { NextRequest } from "next/server";
import { authenticateApiKey, type ApiCaller } from "@/lib/api-keys/authenticate-api-key";
import type { KeyAction } from "@/lib/api-keys/key-scope";
import type { AccessToken } from "@/lib/credentials/tokens/read-token";
import { TokenUnavailableError } from "@/lib/credentials/tokens/token-errors";
import { db } from "@/lib/db/client";
import { withTokenApiMetrics } from "@/lib/metrics/observe";
import { credentialIdSchema } from "./api-schemas";
import { credentialNotFound, refusal, tokenUnavailable, unauthorized } from "./responses";
import { servedToken, type Served, type ServeOptions } from "./served-token";

export type ApiKeyRequest = { request: NextRequest; caller: ApiCaller };

export type CredentialRequest = ApiKeyRequest & {
  credentialId: string;
  /**
   * The credential's token for the route's key action. A refusal (the key's limits, another
   * workspace) or TokenUnavailableError is thrown, and answered by the wrapper.
   */
  serve: (options?: Pick<ServeOptions, "staleVersion" | "refusedToken">) => Promise<AccessToken>;
};

type RouteContext = { params: Promise<{ id: string }> };

type Options = {
  /**
   * Counted in zcw_token_api_requests_total and timed (lib/metrics/observe.ts). Only the token
   * route sets it: those metrics have always counted token fetches, and the proxy's time is Zoom's.
   */
  metrics?: boolean;
};

/** servedToken()'s 403 / 404, on its way to the wrapper. */
class Refused extends Error {
  constructor(readonly served: Extract<Served, { ok: false }>) {
    super("refused");
  }
}

function answerFor(error: unknown): Response {
  if (error instanceof Refused) return refusal(error.served);
  if (error instanceof TokenUnavailableError) return tokenUnavailable(error);
  throw error;
}

/**
 * Every route a node calls with an API key goes through here, as every server action goes
 * through lib/actions/safe-action.ts: the key (401), the credential id of the address (404 for
 * anything that cannot be one, before any query), the key's limits for the route's action and
 * the token's refusals (403 / 404 / 409 / 503, the README's table), then the handler.
 * Unexpected errors are thrown on: Next.js answers a bare 500 and logs them.
 */
export function withApiKey(
  options: Options,
  handler: (ctx: ApiKeyRequest) => Promise<Response>,
): (request: NextRequest) => Promise<Response>;
/** A route about one credential (`[id]` in its path), for one key action. */
export function withApiKey(
  options: Options & { credential: KeyAction },
  handler: (ctx: CredentialRequest) => Promise<Response>,
): (request: NextRequest, context: RouteContext) => Promise<Response>;
export function withApiKey(
  options: Options & { credential?: KeyAction },
  handler: ((ctx: ApiKeyRequest) => Promise<Response>) | ((ctx: CredentialRequest) => Promise<Response>),
) {
  const route = async (request: NextRequest, context?: RouteContext): Promise<Response> => {
    const caller = await authenticateApiKey(db(), request.headers.get("authorization"));
    if (!caller) return unauthorized();
    const action = options.credential;
    if (!action) return (handler as (ctx: ApiKeyRequest) => Promise<Response>)({ request, caller });
    const id = credentialIdSchema.safeParse((await context?.params)?.id);
    if (!id.success) return credentialNotFound();
    const credentialId = id.data;
    const serve: CredentialRequest["serve"] = async (serveOptions = {}) => {
      const served = await servedToken(db(), caller, credentialId, action, serveOptions);
      if (!served.ok) throw new Refused(served);
      return served.token;
    };
    try {
      return await handler({ request, caller, credentialId, serve });
    } catch (error) {
      return answerFor(error);
    }
  };
  return options.metrics ? withTokenApiMetrics(route) : route;
}
