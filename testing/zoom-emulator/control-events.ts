// Control routes that make the emulator send events to an app's endpoint.
import { z } from "zod";
import type { Reply } from "./control-route";
import {
  deauthorizationPayload,
  deliverEvent,
  redeliverEvent,
  sendForgedEvent,
  validateEndpoint,
} from "./events";
import type { EmulatorState } from "./state";

const deauthorizeInput = z.object({
  userId: z.string().min(1),
  userDataRetention: z.boolean().default(false),
});
const forgedInput = z.object({
  kind: z.enum(["bad_signature", "stale_timestamp", "no_signature"]),
  userId: z.string().min(1).optional(),
});

/**
 * Handles /apps/:clientId/{validate-endpoint,deauthorize,forged-event}, GET /events and
 * POST /events/:id/redeliver (Zoom's retry of a delivery, freshly signed); null otherwise.
 */
export async function handleEventControl(
  state: EmulatorState,
  method: string,
  path: string,
  body: unknown,
  url: URL,
): Promise<Reply | null> {
  if (method === "GET" && path === "/events") {
    const appKey = state.appKeyOf(url.searchParams.get("clientId"));
    return [200, state.deliveries.filter((d) => appKey === null || d.appKey === appKey)];
  }
  const redelivery = /^\/events\/([^/]+)\/redeliver$/.exec(path);
  if (method === "POST" && redelivery?.[1]) {
    const delivery = state.deliveries.find((d) => d.id === decodeURIComponent(redelivery[1]!));
    if (!delivery) return [404, { error: `no delivery ${redelivery[1]}` }];
    const attempt = await redeliverEvent(state, delivery);
    if (!attempt) return [409, { error: "the app has no eventEndpoint and secretToken" }];
    return [200, { attempt }];
  }
  const match = /^\/apps\/([^/]+)\/(validate-endpoint|deauthorize|forged-event)$/.exec(path);
  if (method !== "POST" || !match?.[1]) return null;
  const app = state.findClient(decodeURIComponent(match[1]))?.app;
  if (!app) return [404, { error: `no app ${match[1]}` }];
  if (!app.eventEndpoint || !app.secretToken)
    return [409, { error: "the app has no eventEndpoint and secretToken" }];

  if (match[2] === "validate-endpoint") return [200, await validateEndpoint(app)];
  if (match[2] === "deauthorize") {
    const parsed = deauthorizeInput.safeParse(body);
    if (!parsed.success) return [400, { error: z.prettifyError(parsed.error) }];
    const user = state.users.get(parsed.data.userId);
    if (!user) return [404, { error: `no user ${parsed.data.userId}` }];
    // The user removed the app in the Marketplace: the tokens die first, then Zoom tells the app.
    const killed = state.uninstall(app.clientId, user.id);
    const delivery = await deliverEvent(
      state,
      app,
      "app_deauthorized",
      deauthorizationPayload(state, {
        accountId: user.accountId,
        userId: user.id,
        clientId: app.clientId,
        userDataRetention: parsed.data.userDataRetention,
      }),
    );
    return [200, { killedTokenSets: killed, delivery }];
  }
  const parsed = forgedInput.safeParse(body ?? {});
  if (!parsed.success) return [400, { error: z.prettifyError(parsed.error) }];
  const user = parsed.data.userId ? state.users.get(parsed.data.userId) : undefined;
  // Nothing changes in Zoom: a forged event is only a request to the app.
  const attempt = await sendForgedEvent(
    state,
    app,
    parsed.data.kind,
    deauthorizationPayload(state, {
      accountId: user?.accountId ?? app.accountId,
      userId: user?.id ?? parsed.data.userId ?? "forged-user",
      clientId: app.clientId,
      userDataRetention: false,
    }),
  );
  return [200, { attempt }];
}
