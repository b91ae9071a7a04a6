"use client";

import Link from "next/link";
import { useActionState } from "react";
import { keepZoomUserAction } from "@/app/_actions/keep-zoom-user";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { WrongZoomUser } from "@/lib/credentials/expected-zoom-user";

/**
 * Zoom came back with another user than the one this connection is meant for
 * (the browser was signed in to Zoom already). Say so, and offer both ways
 * out: sign out of Zoom and connect again as the right person, or keep it.
 */
export function WrongZoomUserAlert({
  slug,
  credentialId,
  wrong,
  connectHref,
  signOutUrl,
}: {
  slug: string;
  credentialId: string;
  wrong: WrongZoomUser;
  /** The connect step, to try again. */
  connectHref: string;
  /** Zoom's own sign-out page. */
  signOutUrl: string;
}) {
  const [state, keep, keeping] = useActionState(keepZoomUserAction.bind(null, slug), null);
  return (
    <Alert tone="warning" title="Connected as another Zoom user">
      <p>
        You signed in to Zoom as {wrong.signedInAs}, but this connection is meant for {wrong.meantFor}.
      </p>
      <p className="mt-2">
        To connect {wrong.meantFor} instead,{" "}
        <a href={signOutUrl} target="_blank" rel="noreferrer" className="font-medium underline">
          sign out of Zoom
        </a>{" "}
        (it opens in a new tab), then{" "}
        <Link href={connectHref} className="font-medium underline">
          connect again as {wrong.meantFor}
        </Link>
        . Or keep this connection as it is.
      </p>
      <form action={keep} className="mt-2">
        <input type="hidden" name="credentialId" value={credentialId} />
        <Button type="submit" variant="secondary" disabled={keeping}>
          Keep {wrong.signedInAs}
        </Button>
      </form>
      {state && !state.ok && <p className="mt-2 text-red-700">{state.message}</p>}
    </Alert>
  );
}
