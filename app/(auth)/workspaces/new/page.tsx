import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card } from "@/components/ui/card";
import { getSessionUser } from "@/lib/auth/session";
import { NewWorkspaceForm } from "./new-workspace-form";

export const metadata: Metadata = { title: "Create a workspace" };

export default async function NewWorkspacePage() {
  if (!(await getSessionUser())) redirect("/sign-in?callbackUrl=/workspaces/new");
  return (
    <Card>
      <h1 className="text-xl font-semibold">Create a workspace</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">
        A separate space with its own members and Zoom credentials. You will be its owner.
      </p>
      <NewWorkspaceForm />
    </Card>
  );
}
