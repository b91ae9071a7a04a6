import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card } from "@/components/ui/card";
import { db } from "@/lib/db/client";
import { isFirstRun } from "@/lib/workspaces/create-workspace";
import { SetupForm } from "./setup-form";

export const metadata: Metadata = { title: "Create your workspace" };

export default async function SetupPage() {
  if (!(await isFirstRun(db()))) redirect("/sign-in");
  return (
    <Card>
      <h1 className="text-xl font-semibold">Create your workspace</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">
        You are the first person here, so you will be the workspace owner. You can invite your colleagues
        next.
      </p>
      <SetupForm />
    </Card>
  );
}
