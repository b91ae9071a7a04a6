"use client";

import { useActionState } from "react";
import { testAccessTokenAction } from "@/app/_actions/token-actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { WizardNav } from "./wizard-nav";

export function TokenTestPanel({ slug, credentialId, backHref }: { slug: string; credentialId: string; backHref: string | null }) {
  const [state, action, pending] = useActionState(testAccessTokenAction.bind(null, slug), null);
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="credentialId" value={credentialId} />
      {state && !state.ok && <Alert tone="error">{state.message}</Alert>}
      <WizardNav
        backHref={backHref}
        next={
          <Button type="submit" disabled={pending}>
            {pending ? "Testing…" : "Test connection"}
          </Button>
        }
      />
    </form>
  );
}
