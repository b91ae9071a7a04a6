import { redirect } from "next/navigation";
import { adminHome } from "@/lib/workspaces/admin-pages";

export default async function AdminHome({ params }: { params: Promise<{ slug: string }> }) {
  redirect(adminHome((await params).slug));
}
