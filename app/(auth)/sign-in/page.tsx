import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card } from "@/components/ui/card";
import { db } from "@/lib/db/client";
import { isFirstRun } from "@/lib/workspaces/create-workspace";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (await isFirstRun(db())) redirect("/setup");
  const params = await searchParams;
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? null;
  return (
    <Card>
      <h1 className="text-xl font-semibold">Sign in</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">New here? Ask a workspace admin for an invite link.</p>
      <SignInForm callbackUrl={first(params.callbackUrl)} initialError={first(params.error)} />
    </Card>
  );
}
