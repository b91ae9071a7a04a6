import { z } from "zod";
import type { ZodOpenApiResponseObject } from "zod-openapi";
import { apiErrorSchema } from "@/lib/token-api/api-schemas";

// Building blocks of the document's responses; the words of the token API's errors are the
// README's table ("Token API for nodes"), kept in one place here.

export const json = (description: string, schema: z.ZodType): ZodOpenApiResponseObject => ({
  description,
  content: { "application/json": { schema } },
});

export const text = (description: string): ZodOpenApiResponseObject => ({
  description,
  content: { "text/plain": { schema: z.string() } },
});

/** An error of the token API: `{ error, message }`, `error` being the code named here. */
export const apiError = (code: string, description: string, schema: z.ZodType = apiErrorSchema) =>
  json(`\`${code}\`: ${description}`, schema);

export const TOKEN_API_ERRORS = {
  401: apiError("unauthorized", "missing, unknown or revoked key."),
  403: apiError(
    "forbidden",
    "the key is limited to other connections, or may not do this (fetch tokens / call Zoom); `message` says which.",
  ),
  404: apiError("not_found", "no such credential in the key's workspace."),
  409: apiError(
    "reconnect_required",
    "a person must reconnect the credential in the app (Zoom refused its token).",
  ),
  503: {
    ...apiError(
      "zoom_unavailable",
      "Zoom cannot be reached and no valid token is left; retry after `retry_after` seconds (also a `Retry-After` header).",
    ),
    headers: z.object({ "Retry-After": z.string().meta({ description: "Seconds to wait." }) }),
  },
} satisfies Record<number, ZodOpenApiResponseObject>;
