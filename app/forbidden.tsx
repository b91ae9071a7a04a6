import Link from "next/link";
import { Card } from "@/components/ui/card";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-lg px-4 py-16">
      <Card>
        <h1 className="text-xl font-semibold">Not allowed</h1>
        <p className="mt-2 text-sm text-slate-600">
          Only workspace admins and owners can open this page. If you need it, ask an admin of your workspace
          to change your role.
        </p>
        <Link href="/" className="mt-4 inline-block text-sm font-medium text-brand-700 underline">
          Back to your credentials
        </Link>
      </Card>
    </main>
  );
}
