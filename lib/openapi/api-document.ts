import { createDocument } from "zod-openapi";
import { servicePaths } from "./service-paths";
import { tokenApiPaths } from "./token-api-paths";

/** Every address a machine calls, generated from the zod schemas the routes use. */
export const API_PATHS = { ...tokenApiPaths, ...servicePaths };

/**
 * The routes under app/api that are not described, and why: a machine never calls them.
 * api-document.test.ts fails for a route that is neither described nor here.
 */
export const NOT_FOR_MACHINES: Record<string, string> = {
  "/api/auth/{nextauth}": "next-auth's sign-in and the Zoom handshake: a browser's, not a machine's",
  "/api/{rest}": "the JSON 404 for an /api/ address that names no route",
};

let built: ReturnType<typeof createDocument> | null = null;

/** The OpenAPI 3.1 document served at /api/v1/openapi.json (built once: it never changes). */
export function apiDocument() {
  built ??= createDocument(
    {
      openapi: "3.1.0",
      info: {
        title: "Zoom Credential Wizard API",
        version: "1",
        description:
          "Nodes fetch fresh Zoom access tokens, or call Zoom through the app, with an API key made " +
          "under Admin → API keys. Errors are JSON: `error` is a stable code for programs, `message` " +
          "a sentence for people.",
      },
      paths: API_PATHS,
      components: {
        securitySchemes: {
          apiKey: {
            type: "http",
            scheme: "bearer",
            bearerFormat: "zcw_…",
            description: "An API key from Admin → API keys: Authorization: Bearer zcw_…",
          },
          metricsToken: {
            type: "http",
            scheme: "bearer",
            description: "The server's METRICS_TOKEN.",
          },
          zoomSignature: {
            type: "apiKey",
            in: "header",
            name: "x-zm-signature",
            description: "Zoom signs each event with the app's Secret Token.",
          },
        },
      },
    },
    {
      // A date in a request body (Zoom's deauthorization_time) travels as an ISO string.
      override: ({ jsonSchema, zodSchema }) => {
        if (zodSchema._zod.def.type === "date") {
          jsonSchema.type = "string";
          jsonSchema.format = "date-time";
        }
      },
    },
  );
  return built;
}
