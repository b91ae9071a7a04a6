import Link from "next/link";
import { Card } from "@/components/ui/card";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg px-4 py-16">
      <Card>
        <h1 className="text-xl font-semibold">Page not found</h1>
        <p className="mt-2 text-sm text-slate-600">
          This page does not exist, or you do not have access to it.
        </p>
        <Link href="/" className="mt-4 inline-block text-sm font-medium text-brand-700 underline">
          Go to your workspace
        </Link>
      </Card>
    </main>
  );
}
