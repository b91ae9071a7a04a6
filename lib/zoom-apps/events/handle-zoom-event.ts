import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { findAppForZoomEvents } from "../event-secret-token";
import { removeConnectionsInZoom } from "./remove-connections-in-zoom";
import { checkZoomSignature, urlValidationAnswer } from "./zoom-signature";

export type ZoomEventRequest = {
  zoomAppId: string;
  rawBody: string;
  timestamp: string | null;
  signature: string | null;
};

export type ZoomEventAnswer = { status: number; body: Record<string, unknown> };

// Exported for the OpenAPI document (lib/openapi), which describes the endpoint from them.
export const urlValidationEvent = z.object({
  event: z.literal("endpoint.url_validation"),
  payload: z.object({ plainToken: z.string().min(1).max(256) }),
});

export const deauthorizationEvent = z.object({
  event: z.literal("app_deauthorized"),
  payload: z.object({
    account_id: z.string().min(1),
    user_id: z.string().min(1),
    client_id: z.string().min(1),
    deauthorization_time: z.coerce.date(),
    user_data_retention: z.union([z.boolean(), z.string()]).optional(),
  }),
});

export const anyZoomEvent = z.object({ event: z.string() });

// Every refusal reads the same: a forger learns nothing about what was wrong.
const UNVERIFIED: ZoomEventAnswer = {
  status: 401,
  body: { error: "unauthorized", message: "The event's signature could not be verified." },
};

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * One notification Zoom sent to an app's event endpoint. The signature is
 * checked before anything is read; then URL validation is answered, an
 * app_deauthorized revokes that user's connections through the app, and any
 * other event is acknowledged and ignored (Zoom retries anything but a 2xx).
 */
export async function handleZoomEvent(
  db: Db,
  request: ZoomEventRequest,
  now = new Date(),
): Promise<ZoomEventAnswer> {
  const app = await findAppForZoomEvents(db, request.zoomAppId);
  if (!app) return { status: 404, body: { error: "not_found" } };
  if (!app.secretToken) return UNVERIFIED;
  const check = checkZoomSignature({
    secretToken: app.secretToken,
    rawBody: request.rawBody,
    timestamp: request.timestamp,
    signature: request.signature,
    now,
  });
  if (!check.ok) return UNVERIFIED;

  const json = parseJson(request.rawBody);
  const validation = urlValidationEvent.safeParse(json);
  if (validation.success)
    return { status: 200, body: urlValidationAnswer(app.secretToken, validation.data.payload.plainToken) };

  const removal = deauthorizationEvent.safeParse(json);
  if (removal.success) {
    const payload = removal.data.payload;
    const { revoked, repeated } = await removeConnectionsInZoom(
      db,
      app,
      {
        accountId: payload.account_id,
        userId: payload.user_id,
        clientId: payload.client_id,
        deauthorizedAt: payload.deauthorization_time,
        userDataRetention: String(payload.user_data_retention) === "true",
      },
      now,
    );
    // A repeat is acknowledged like the first: Zoom retries anything but a 2xx.
    return { status: 200, body: { ok: true, revoked, ...(repeated ? { repeated } : {}) } };
  }
  if (anyZoomEvent.safeParse(json).success) return { status: 200, body: { ok: true, ignored: true } };
  return { status: 400, body: { error: "invalid_event", message: "The body is not a Zoom event." } };
}
