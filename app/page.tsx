import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { isFirstRun, listMyWorkspaces } from "@/lib/workspaces/create-workspace";

/** Sends each person where they belong: setup, sign-in, or their workspace. */
export default async function Home() {
  if (await isFirstRun(db())) redirect("/setup");
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  const [first] = await listMyWorkspaces(db(), user.id);
  redirect(first ? `/w/${first.slug}/credentials` : "/workspaces/new");
}
