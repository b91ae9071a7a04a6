"use client";

import { useActionState } from "react";
import { testAllCredentialsAction } from "@/app/_actions/test-all-credentials";
import { Button } from "@/components/ui/button";

export function TestAllButton({ slug }: { slug: string }) {
  const [state, action, pending] = useActionState(testAllCredentialsAction.bind(null, slug), null);
  return (
    <form action={action} className="flex flex-col items-end gap-1">
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Testing all…" : "Test all"}
      </Button>
      {state?.message && (
        <p role="status" className="text-sm text-slate-700">
          {state.message}
        </p>
      )}
    </form>
  );
}
