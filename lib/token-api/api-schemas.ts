import { z } from "zod";
import { CREDENTIAL_METHODS } from "@/lib/credentials/schemas";
import { CREDENTIAL_STATUSES } from "@/lib/credentials/status";

// The token API's bodies, declared once: the routes' types are inferred from
// these, and the OpenAPI document (lib/openapi) is generated from them.

/** Credential ids are cuids; anything else cannot name one (and must not reach a query). */
export const credentialIdSchema = z
  .string()
  .regex(/^[a-z0-9]{1,64}$/i)
  .meta({ description: "The credential's id (in its page's address, and in GET /api/v1/credentials)." });

export const apiErrorSchema = z
  .object({
    error: z.string().meta({ description: "A stable code for programs (the README's table)." }),
    message: z.string().meta({ description: "What happened and what to do, for people." }),
    retry_after: z.number().int().positive().optional().meta({ description: "503 only: seconds to wait." }),
    limit_bytes: z.number().int().positive().optional().meta({ description: "413 only: the largest body." }),
  })
  .meta({ id: "ApiError" });

const zoomUserSchema = z.object({
  id: z.string().nullable(),
  email: z.string().nullable(),
  account_id: z.string().nullable(),
});

export const issuedTokenSchema = z
  .object({
    access_token: z.string(),
    token_type: z.literal("bearer"),
    expires_at: z.iso.datetime().meta({
      description:
        "When to fetch again (the app's planned renewal), not Zoom's own expiry; at least a minute away.",
    }),
    api_url: z.string().meta({ description: "Zoom's API host for the account's region." }),
    scopes: z.array(z.string()),
    zoom_user: zoomUserSchema,
  })
  .meta({ id: "IssuedToken" });
export type IssuedToken = z.infer<typeof issuedTokenSchema>;

export const apiCredentialSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    method: z.enum(CREDENTIAL_METHODS),
    status: z.enum(CREDENTIAL_STATUSES),
    scopes: z.array(z.string()),
    zoom_user: zoomUserSchema,
    token_expires_at: z.iso.datetime().nullable(),
    last_refreshed_at: z.iso.datetime().nullable(),
  })
  .meta({ id: "Credential" });
export type ApiCredential = z.infer<typeof apiCredentialSchema>;

export const credentialListSchema = z
  .object({ credentials: z.array(apiCredentialSchema).max(1000) })
  .meta({ id: "CredentialList" });
