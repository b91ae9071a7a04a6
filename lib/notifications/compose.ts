import { NOTIFICATION_KINDS, type EventDetails, type NotificationKind } from "./event-kinds";

export type OutboxEvent = {
  id: string;
  workspaceId: string;
  credentialId: string | null;
  kind: NotificationKind;
  details: EventDetails;
  createdAt: Date;
};

export function connectionUrl(appUrl: string, workspaceSlug: string, credentialId: string | null): string {
  return credentialId
    ? `${appUrl}/w/${workspaceSlug}/credentials/${credentialId}`
    : `${appUrl}/w/${workspaceSlug}/admin/webhooks`;
}

/** A plain, short email: what happened, why in words, the one thing to do, and the link. */
export function composeEmail(event: OutboxEvent, link: string): { subject: string; text: string } {
  const kind = NOTIFICATION_KINDS[event.kind];
  const name = event.details.credentialName;
  const lines = [
    kind.subject(name) + ".",
    ...(event.details.reason && event.kind !== "recovered" ? ["", `Why: ${event.details.reason}`] : []),
    "",
    `What to do: ${kind.todo}`,
    "",
    link,
    "",
    "—",
    "You get this because you own this connection or administer its workspace in Zoom Credential Wizard.",
    "Turn these emails off under Settings → Notifications.",
  ];
  return { subject: kind.subject(name), text: lines.join("\n") };
}

/** The JSON body of a webhook delivery. Facts only, never a token. */
export function composeWebhookBody(
  event: OutboxEvent,
  input: { workspaceSlug: string; link: string },
): string {
  return JSON.stringify({
    type: NOTIFICATION_KINDS[event.kind].type,
    timestamp: event.createdAt.toISOString(),
    data: {
      eventId: event.id,
      workspace: input.workspaceSlug,
      credentialId: event.credentialId,
      credentialName: event.details.credentialName,
      reason: event.kind === "recovered" ? null : (event.details.reason ?? null),
      url: input.link,
    },
  });
}
