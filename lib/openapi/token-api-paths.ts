import { z } from "zod";
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from "zod-openapi";
import {
  apiErrorSchema,
  credentialIdSchema,
  credentialListSchema,
  issuedTokenSchema,
} from "@/lib/token-api/api-schemas";
import { apiError, json, TOKEN_API_ERRORS } from "./responses";

const withKey = [{ apiKey: [] }];
const credentialParams = { path: z.object({ id: credentialIdSchema }) };

/** An answer of Zoom's, passed through as Zoom gave it (status, body, Retry-After, rate-limit headers). */
const zoomErrorSchema = z
  .object({ code: z.number(), message: z.string() })
  .meta({ id: "ZoomError", description: "Zoom's own error body, passed through." });
const appOrZoom = z.union([apiErrorSchema, zoomErrorSchema]);
const orZoom = (description: string) => `${description} Or Zoom's own answer with this status.`;

/** One proxy method; only the methods whose body is forwarded can be refused for its size. */
function proxyOperation(method: string, withBody: boolean): ZodOpenApiOperationObject {
  return {
    summary: `${method} one of Zoom's REST API calls (/v2/{path}) with the credential's token`,
    description:
      "The query string, the content type and a JSON or form body (up to 1 MB) pass through; the " +
      "Authorization header, cookies and hop-by-hop headers never reach Zoom. On Zoom's 124 (invalid " +
      "access token) the token is renewed once and the call made once more. The token API's refusals " +
      "come before any call to Zoom.",
    operationId: `proxy${method[0]}${method.slice(1).toLowerCase()}`,
    security: withKey,
    requestParams: {
      path: z.object({
        id: credentialIdSchema,
        path: z.string().meta({
          description:
            "Zoom's API path after /v2/, e.g. users/me (several segments; no full URLs, no '..', no encoded '/').",
        }),
      }),
    },
    ...(withBody
      ? { requestBody: { required: false, content: { "application/json": { schema: z.unknown() } } } }
      : {}),
    responses: {
      400: apiError("bad_path", orZoom("not a relative Zoom API path."), appOrZoom),
      401: apiError("unauthorized", orZoom("missing, unknown or revoked key."), appOrZoom),
      403: apiError(
        "forbidden",
        orZoom("the key may not call Zoom through the app, or not for this connection."),
        appOrZoom,
      ),
      404: apiError("not_found", orZoom("no such credential in the key's workspace."), appOrZoom),
      409: apiError(
        "reconnect_required",
        orZoom("a person must reconnect the credential in the app."),
        appOrZoom,
      ),
      ...(withBody
        ? {
            413: apiError(
              "body_too_large",
              "the body is larger than 1 MB (`limit_bytes`); nothing was sent to Zoom.",
            ),
          }
        : {}),
      502: apiError("zoom_unreachable", orZoom("Zoom could not be reached."), appOrZoom),
      503: { ...TOKEN_API_ERRORS[503], content: { "application/json": { schema: appOrZoom } } },
      504: apiError("zoom_timeout", orZoom("Zoom did not answer in time."), appOrZoom),
      default: {
        description: "Zoom's answer as Zoom gave it, with X-Credential-Id naming the credential.",
        headers: z.object({ "X-Credential-Id": z.string() }),
        content: { "application/json": { schema: z.unknown() } },
      },
    },
  };
}

export const tokenApiPaths: ZodOpenApiPathsObject = {
  "/api/v1/credentials": {
    get: {
      summary: "The key's workspace's credentials (never a secret)",
      description: "A key limited to some connections lists only those.",
      operationId: "listCredentials",
      security: withKey,
      responses: {
        200: json("The credentials, oldest first (at most 1,000).", credentialListSchema),
        401: TOKEN_API_ERRORS[401],
      },
    },
  },
  "/api/v1/credentials/{id}/token": {
    get: {
      summary: "A fresh Zoom access token for one credential (renewed when needed)",
      description:
        "`expires_at` is when to fetch again. If Zoom answers 124 before then, fetch again with the " +
        "refused token in Zoom-Refused-Token: the app renews once, however many nodes report it.",
      operationId: "getToken",
      security: withKey,
      requestParams: {
        ...credentialParams,
        header: z.object({
          "Zoom-Refused-Token": z
            .string()
            .max(4096)
            .optional()
            .meta({ description: "The token Zoom refused with code 124 (invalid access token)." }),
        }),
      },
      responses: {
        200: json("A token; fetch again at `expires_at` (at least a minute away).", issuedTokenSchema),
        400: apiError("bad_request", "the Zoom-Refused-Token header is longer than any Zoom token."),
        ...TOKEN_API_ERRORS,
      },
    },
  },
  "/api/v1/credentials/{id}/zoom/{path}": {
    get: proxyOperation("GET", false),
    post: proxyOperation("POST", true),
    patch: proxyOperation("PATCH", true),
    put: proxyOperation("PUT", true),
    delete: proxyOperation("DELETE", true),
  },
};
