import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { vi } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { createTempDatabase } from "@/lib/db/temp-database";
import type { Senders } from "../../lib/notifications/deliver";

/** A migrated throw-away database with one workspace: an owner, an admin, a member who owns a connection. */
export async function notificationFixture() {
  const dataDir = mkdtempSync(path.join(tmpdir(), "zcw-notify-"));
  vi.stubEnv("ENCRYPTION_KEY", Buffer.alloc(32, 0x3c).toString("base64"));
  vi.stubEnv("NEXTAUTH_SECRET", "notification-tests-secret-0123456789abcdef");
  vi.stubEnv("DATA_DIR", dataDir);
  const temp = await createTempDatabase();
  const db = temp.db;
  const workspace = await db.workspace.create({ data: { name: "W", slug: `w-${Date.now()}` } });
  const person = async (email: string, role: string) => {
    const user = await db.user.create({ data: { email, name: email, passwordHash: "x" } });
    await db.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role } });
    return user;
  };
  const owner = await person(`owner-${workspace.id}@example.com`, "owner");
  const admin = await person(`admin-${workspace.id}@example.com`, "admin");
  const member = await person(`member-${workspace.id}@example.com`, "member");
  const bystander = await person(`other-${workspace.id}@example.com`, "member");
  const credential = await db.credential.create({
    data: {
      workspaceId: workspace.id,
      ownerId: member.id,
      name: "Sales Zoom",
      method: "oauth",
      status: "connected",
      version: 1,
    },
  });
  /** A second client on the same database: another app instance. */
  const secondInstance = (): Db => createDb(temp.url);
  return {
    db,
    workspace,
    owner,
    admin,
    member,
    bystander,
    credential,
    secondInstance,
    cleanup: async () => {
      await temp.cleanup();
      vi.unstubAllEnvs();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Senders that record what they were asked to send; `fail` decides per call. */
export function recordingSenders(fail: (n: number) => boolean = () => false) {
  const emails: { to: string; subject: string; text: string }[] = [];
  const webhooks: { url: string; messageId: string; body: string }[] = [];
  let calls = 0;
  const senders: Senders = {
    appUrl: "https://wizard.example.com",
    mail: { smtpUrl: "smtp://mail.example.com:25", from: "Wizard <wizard@example.com>" },
    allowPrivateTargets: true,
    sendEmail: async (input) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (fail(++calls)) return { ok: false, statusCode: 451, note: "try later" };
      emails.push({ to: input.to, subject: input.subject, text: input.text });
      return { ok: true, statusCode: 250, note: null };
    },
    sendWebhook: async (input) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (fail(++calls)) return { ok: false, statusCode: 500, note: "oops" };
      webhooks.push({ url: input.url, messageId: input.messageId, body: input.body });
      return { ok: true, statusCode: 200, note: null };
    },
  };
  return { senders, emails, webhooks };
}
