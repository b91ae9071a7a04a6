import { redirect } from "next/navigation";
import { requireWorkspacePage } from "@/lib/auth/guard";

/**
 * The admins' webhooks page was once at /admin/notifications, and emails sent
 * before it moved link here: they land on /admin/webhooks.
 */
export default async function AdminNotificationsMoved({ params }: { params: Promise<{ slug: string }> }) {
  const ctx = await requireWorkspacePage((await params).slug, "admin");
  redirect(`/w/${ctx.workspace.slug}/admin/webhooks`);
}
