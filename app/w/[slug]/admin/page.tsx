import { redirect } from "next/navigation";
import { requireWorkspacePage } from "@/lib/auth/guard";
import { adminHome } from "@/lib/workspaces/admin-pages";

/** The main navigation's "Admin" door opens the area's first page. */
export default async function AdminHome({ params }: { params: Promise<{ slug: string }> }) {
  // Guarded here too: a member is told "not allowed" rather than sent on (the layout and the page run side by side).
  const ctx = await requireWorkspacePage((await params).slug, "admin");
  redirect(adminHome(ctx.workspace.slug));
}
