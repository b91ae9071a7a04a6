import { redirect } from "next/navigation";
import { requireWorkspacePage } from "@/lib/auth/guard";

/**
 * "Connected accounts" became the admins' view of the Credentials page: a
 * bookmark (and its filters, e.g. ?status=needs_reconnect) lands there.
 */
export default async function ConnectedAccountsMoved({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // Members were never let in here; they still are not (their own list is Credentials).
  const ctx = await requireWorkspacePage((await params).slug, "admin");
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams))
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value])
      query.append(key, one);
  const rest = query.toString();
  redirect(`/w/${ctx.workspace.slug}/credentials${rest ? `?${rest}` : ""}`);
}
