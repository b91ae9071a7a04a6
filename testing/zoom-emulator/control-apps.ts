// The control API's app registration: today's flat fields are the Development
// pair, so older callers keep working; `production` adds the second pair.
import { z } from "zod";
import type { EmulatorState } from "./state";
import { MISSING_SCOPE_CODES, type ClientPair, type EmulatorApp } from "./types";

type Reply = [status: number, body: unknown];

const lists = {
  redirectUrls: z.array(z.string()).optional(),
  allowList: z.array(z.string()).optional(),
};
const pairInput = z.object({ clientId: z.string().min(1), clientSecret: z.string().min(1), ...lists });
const missingScopeCode = z.literal(MISSING_SCOPE_CODES);

const sharedFields = {
  name: z.string().min(1).optional(),
  scopes: z.array(z.string()).optional(),
  accountId: z.string().min(1).optional(),
  activated: z.boolean().optional(),
  disabled: z.boolean().optional(),
  published: z.boolean().optional(),
  managedBy: z.enum(["user", "admin"]).optional(),
  requirePkce: z.boolean().optional(),
  refuseLocalhost: z.boolean().optional(),
  missingScopeCode: missingScopeCode.optional(),
  publicClientId: z.string().min(1).nullable().optional(),
  eventEndpoint: z.url().nullable().optional(),
  secretToken: z.string().min(1).nullable().optional(),
  production: pairInput.nullable().optional(),
};

export const appInput = z
  .object({
    type: z.enum(["oauth", "s2s"]),
    clientId: z.string().min(1).optional(),
    clientSecret: z.string().min(1).optional(),
    ...lists,
    development: pairInput.optional(),
    ...sharedFields,
    scopes: z.array(z.string()),
    accountId: z.string().min(1, "accountId is required: the Zoom account the app was built in"),
  })
  .refine((a) => a.development ?? (a.clientId && a.clientSecret), {
    message: "give clientId and clientSecret, or development: {clientId, clientSecret}",
  })
  .refine((a) => !a.development || !a.clientId || a.clientId === a.development.clientId, {
    message: "clientId must equal development.clientId",
  });

export const appPatch = z.object({
  clientSecret: z.string().min(1).optional(),
  ...lists,
  development: pairInput.omit({ clientId: true }).partial().optional(),
  ...sharedFields,
});

function pair(input: z.infer<typeof pairInput>): ClientPair {
  const redirectUrls = input.redirectUrls ?? [];
  // The Marketplace fills the allow list from the redirect URL unless changed.
  return {
    clientId: input.clientId,
    clientSecret: input.clientSecret,
    redirectUrls,
    allowList: input.allowList ?? [...redirectUrls],
  };
}

/** A client id may name one app only, by any of its pairs. */
function clientIdClash(state: EmulatorState, app: EmulatorApp): string | null {
  const ids = [app.development.clientId, app.production?.clientId, app.publicClientId].filter(
    (id): id is string => Boolean(id),
  );
  if (new Set(ids).size !== ids.length) return "an app's client ids must differ from each other";
  for (const id of ids) {
    const owner = state.findClient(id)?.app.clientId;
    if (owner && owner !== app.clientId) return `client id ${id} already belongs to app ${owner}`;
  }
  return null;
}

function store(state: EmulatorState, app: EmulatorApp): Reply {
  const clash = clientIdClash(state, app);
  if (clash) return [400, { error: clash }];
  state.apps.set(app.clientId, app);
  return [200, app];
}

export function upsertApp(state: EmulatorState, input: z.infer<typeof appInput>): Reply {
  const development = pair(
    input.development ?? {
      clientId: input.clientId ?? "",
      clientSecret: input.clientSecret ?? "",
      redirectUrls: input.redirectUrls,
      allowList: input.allowList,
    },
  );
  const app: EmulatorApp = {
    clientId: development.clientId,
    type: input.type,
    name: input.name ?? (input.type === "oauth" ? "Test OAuth App" : "Test Server-to-Server App"),
    development,
    production: input.type === "oauth" && input.production ? pair(input.production) : null,
    publicClientId: input.publicClientId ?? null,
    published: input.published ?? false,
    managedBy: input.managedBy ?? "user",
    requirePkce: input.requirePkce ?? false,
    refuseLocalhost: input.refuseLocalhost ?? false,
    missingScopeCode: input.missingScopeCode ?? 4700,
    scopes: input.scopes,
    accountId: input.accountId,
    activated: input.activated ?? true,
    disabled: input.disabled ?? false,
    eventEndpoint: input.eventEndpoint ?? null,
    secretToken: input.secretToken ?? null,
  };
  return store(state, app);
}

export function patchApp(state: EmulatorState, clientId: string, body: unknown): Reply {
  const app = state.apps.get(clientId);
  if (!app) return [404, { error: `no app ${clientId}` }];
  const parsed = appPatch.safeParse(body);
  if (!parsed.success) return [400, { error: z.prettifyError(parsed.error) }];
  const { clientSecret, redirectUrls, allowList, development, production, ...rest } = parsed.data;
  const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  const dev = { clientSecret, redirectUrls, allowList, ...development };
  const updated: EmulatorApp = {
    ...app,
    ...defined,
    development: {
      ...app.development,
      ...Object.fromEntries(Object.entries(dev).filter(([, v]) => v !== undefined)),
    },
    production: production === undefined ? app.production : production && pair(production),
  };
  return store(state, updated);
}
