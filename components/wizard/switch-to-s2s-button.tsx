"use client";

import { useActionState } from "react";
import { switchToS2SAction } from "@/app/_actions/switch-to-s2s";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** The friendly way out of a retired method: same credential, Server-to-Server wizard. */
export function SwitchToS2SButton({ slug, credentialId }: { slug: string; credentialId: string }) {
  const [state, action, pending] = useActionState(switchToS2SAction.bind(null, slug), null);
  return (
    <form action={action} className="flex flex-col gap-2 rounded-md border border-brand-100 bg-brand-50 p-4">
      <input type="hidden" name="credentialId" value={credentialId} />
      <p className="text-sm">
        Recommended: set this credential up with Server-to-Server OAuth instead. It keeps its name.
      </p>
      {state && !state.ok && <Alert tone="error">{state.message}</Alert>}
      <Button type="submit" disabled={pending} className="w-fit">
        Use Server-to-Server OAuth instead
      </Button>
    </form>
  );
}
