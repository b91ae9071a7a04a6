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
  // A failing push to n8n waits a little for a blip to pass: told only if it still fails.
  if (event.kind === "n8n_push_failed")
    return (
      (await db.n8nLink.count({ where: { credentialId: event.credentialId, failingSince: { not: null } } })) >
      0
    );
  if (event.kind !== "zoom_unreachable") return true;
  return credential.status === "error" && credential.version === parseDetails(event.details).version;
}

/** Who hears of it by email: the connection's owner (while a member) and the workspace's admins, minus those who turned it off. */
async function emailRecipients(db: Db, workspaceId: string, credentialId: string): Promise<string[]> {
  const credential = await db.credential.findUnique({
    where: { id: credentialId },
    select: { ownerId: true },
  });
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

/** A claimed event is this worker's for this long; if it dies midway, the event comes back due. */
const FAN_OUT_CLAIM_MS = 2 * 60_000;

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === "P2002";

/**
 * Turns one due outbox event into its deliveries, once. The conditional
 * update (still in the state and at the due time we read) is the claim: of
 * several workers racing on one event exactly one changes it. No long
 * transaction (SQLite allows one writer): the claim pushes the due time
 * ahead, so a worker that dies before "fanned_out" leaves the event to be
 * claimed again, and the unique (event, channel, target) keeps the second
 * pass from writing any delivery twice.
 */
export async function fanOutEvent(
  db: Db,
  event: {
    id: string;
    workspaceId: string;
    credentialId: string | null;
    kind: string;
    details: string;
    state: string;
    dueAt: Date;
  },
  input: { now: Date; emailOn: boolean },
): Promise<"fanned_out" | "cancelled" | "lost"> {
  const claimed = await db.notificationEvent.updateMany({
    where: { id: event.id, state: event.state, dueAt: event.dueAt },
    data: { state: "fanning", dueAt: new Date(input.now.getTime() + FAN_OUT_CLAIM_MS) },
  });
  if (claimed.count === 0) return "lost";
  if (!(await stillTrue(db, event))) {
    await db.notificationEvent.update({ where: { id: event.id }, data: { state: "cancelled" } });
    return "cancelled";
  }
  const rows: { channel: string; target: string }[] = [];
  if (input.emailOn && event.credentialId && (event.kind as NotificationKind) !== "test")
    for (const email of await emailRecipients(db, event.workspaceId, event.credentialId))
      rows.push({ channel: "email", target: email });
  const endpoint = await db.webhookEndpoint.findUnique({
    where: { workspaceId: event.workspaceId },
    select: { id: true },
  });
  if (endpoint) rows.push({ channel: "webhook", target: endpoint.id });
  for (const row of rows) {
    try {
      await db.notificationDelivery.create({
        data: {
          ...row,
          eventId: event.id,
          workspaceId: event.workspaceId,
          nextAttemptAt: input.now,
          giveUpAt: new Date(input.now.getTime() + GIVE_UP_AFTER_MS),
        },
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error; // written by a worker that died after it
    }
  }
  await db.notificationEvent.update({ where: { id: event.id }, data: { state: "fanned_out" } });
  return "fanned_out";
}
