"use client";

import { useActionState } from "react";
import { testConnectionAction } from "@/app/_actions/test-connection";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export function TestConnectionButton({ slug, credentialId }: { slug: string; credentialId: string }) {
  const [state, action, pending] = useActionState(testConnectionAction.bind(null, slug), null);
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="credentialId" value={credentialId} />
      <Button type="submit" variant="secondary" disabled={pending} className="w-fit">
        {pending ? "Testing…" : "Test connection"}
      </Button>
      {state &&
        (state.ok ? (
          <Alert tone="success">{state.message}</Alert>
        ) : (
          <Alert tone="error">{state.message}</Alert>
        ))}
    </form>
  );
}
