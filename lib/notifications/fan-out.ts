import type { Db } from "@/lib/db/client";
import { isAdmin, roleSchema } from "@/lib/auth/roles";
import { parseDetails, type NotificationKind } from "./event-kinds";

/** Email and webhook deliveries are retried for a day, then given up (and logged as such). */
export const GIVE_UP_AFTER_MS = 24 * 60 * 60_000;

/**
 * Is the change still true now that it is due? Only "Zoom unreachable" waits
 * (an hour); a renewal that worked or a person's reconnect meanwhile makes it moot.
 */
async function stillTrue(
  db: Db,
  event: { kind: string; credentialId: string | null; details: string },
): Promise<boolean> {
  if (!event.credentialId) return event.kind === "test";
  const credential = await db.credential.findUnique({
    where: { id: event.credentialId },
    select: { status: true, version: true },
  });
  if (!credential) return false;
  if (event.kind !== "zoom_unreachable") return true;
  return credential.status === "error" && credential.version === parseDetails(event.details).version;
}

/** Who hears of it by email: the connection's owner (while a member) and the workspace's admins, minus those who turned it off. */
async function emailRecipients(db: Db, workspaceId: string, credentialId: string): Promise<string[]> {
  const credential = await db.credential.findUnique({ where: { id: credentialId }, select: { ownerId: true } });
  const members = await db.membership.findMany({
    where: { workspaceId },
    select: { userId: true, role: true, user: { select: { email: true } } },
  });
  const off = new Set(
    (
      await db.notificationPreference.findMany({
        where: { workspaceId, emailOff: true },
        select: { userId: true },
      })
    ).map((pref) => pref.userId),
  );
  return members
    .filter((member) => member.userId === credential?.ownerId || isAdmin(roleSchema.parse(member.role)))
    .filter((member) => !off.has(member.userId))
    .map((member) => member.user.email);
}

/**
 * Turns one due outbox event into its deliveries, once: the conditional
 * update on the event's state is the claim, so of several workers racing on
 * one event exactly one writes deliveries (in the same transaction).
 */
export async function fanOutEvent(
  db: Db,
  event: { id: string; workspaceId: string; credentialId: string | null; kind: string; details: string },
  input: { now: Date; emailOn: boolean },
): Promise<"fanned_out" | "cancelled" | "lost"> {
  const relevant = await stillTrue(db, event);
  return db.$transaction(async (tx) => {
    const claimed = await tx.notificationEvent.updateMany({
      where: { id: event.id, state: "pending" },
      data: { state: relevant ? "fanned_out" : "cancelled" },
    });
    if (claimed.count === 0) return "lost";
    if (!relevant) return "cancelled";
    const base = {
      eventId: event.id,
      workspaceId: event.workspaceId,
      nextAttemptAt: input.now,
      giveUpAt: new Date(input.now.getTime() + GIVE_UP_AFTER_MS),
    };
    const rows: { channel: string; target: string }[] = [];
    if (input.emailOn && event.credentialId && (event.kind as NotificationKind) !== "test")
      for (const email of await emailRecipients(tx as Db, event.workspaceId, event.credentialId))
        rows.push({ channel: "email", target: email });
    const endpoint = await tx.webhookEndpoint.findUnique({
      where: { workspaceId: event.workspaceId },
      select: { id: true },
    });
    if (endpoint) rows.push({ channel: "webhook", target: endpoint.id });
    if (rows.length) await tx.notificationDelivery.createMany({ data: rows.map((row) => ({ ...base, ...row })) });
    return "fanned_out";
  });
}
