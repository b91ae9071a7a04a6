import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { apiErrorSchema } from "@/lib/token-api/api-schemas";
import {
  anyZoomEvent,
  deauthorizationEvent,
  urlValidationEvent,
} from "@/lib/zoom-apps/events/handle-zoom-event";
import { json, text } from "./responses";

// The routes machines other than nodes call: Zoom (its events), Prometheus, load balancers.

/** The event endpoint's refusals before the app is known carry only a code. */
const eventRefusalSchema = z.object({ error: z.string() });

const eventAnswerSchema = z.union([
  z.object({ plainToken: z.string(), encryptedToken: z.string() }).meta({
    description: "endpoint.url_validation: the plain token and its HMAC-SHA256 with the app's Secret Token.",
  }),
  z.object({ ok: z.literal(true), revoked: z.number().int(), repeated: z.literal(true).optional() }).meta({
    description: "app_deauthorized: how many connections were revoked (`repeated` for a retried event).",
  }),
  z.object({ ok: z.literal(true), ignored: z.literal(true) }).meta({ description: "Any other event." }),
]);

export const servicePaths: ZodOpenApiPathsObject = {
  "/api/zoom/events/{appId}": {
    post: {
      summary: "Zoom's event notifications for one Zoom app (signature-checked)",
      description:
        "Answers endpoint.url_validation; app_deauthorized marks that Zoom user's connections through " +
        "the app Revoked. A retried event is handled once. Any other event is acknowledged and ignored.",
      operationId: "zoomEvent",
      security: [{ zoomSignature: [] }],
      requestParams: {
        path: z.object({ appId: z.string().regex(/^[a-z0-9]{1,64}$/i) }),
        header: z.object({
          "x-zm-request-timestamp": z
            .string()
            .meta({ description: "Seconds since 1970; at most 5 minutes off." }),
          "x-zm-signature": z.string().meta({ description: "v0= HMAC-SHA256 of v0:{timestamp}:{body}." }),
        }),
      },
      requestBody: {
        required: true,
        content: {
          "application/json": { schema: z.union([urlValidationEvent, deauthorizationEvent, anyZoomEvent]) },
        },
      },
      responses: {
        200: json("Handled (or acknowledged).", eventAnswerSchema),
        400: json("`invalid_event`: a signed body that is not a Zoom event.", apiErrorSchema),
        401: json(
          "`unauthorized`: the signature or the timestamp does not match; nothing changed.",
          apiErrorSchema,
        ),
        404: json("`not_found`: no Zoom app with this id.", eventRefusalSchema),
        413: json("`too_large`: a body over 64 KB is not Zoom's.", eventRefusalSchema),
      },
    },
  },
  "/api/metrics": {
    get: {
      summary: "Prometheus metrics (text format)",
      operationId: "metrics",
      security: [{ metricsToken: [] }],
      responses: {
        200: text("The metrics, in Prometheus text format."),
        401: {
          ...text("Send Authorization: Bearer <METRICS_TOKEN>."),
          headers: z.object({ "WWW-Authenticate": z.string() }),
        },
        404: text("METRICS_TOKEN is not set: metrics are off."),
      },
    },
  },
  "/api/health": {
    get: {
      summary: "A constant answer for health checks",
      operationId: "health",
      security: [],
      responses: { 200: json("The app answers.", z.object({ ok: z.literal(true) })) },
    },
  },
  "/api/v1/openapi.json": {
    get: {
      summary: "This document",
      operationId: "openapi",
      security: [],
      responses: {
        200: json("The OpenAPI 3.1 document.", z.looseObject({ openapi: z.literal("3.1.0") })),
      },
    },
  },
};
