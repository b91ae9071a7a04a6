"use client";

import { useActionState } from "react";
import { startZoomAppAction } from "@/app/_actions/start-zoom-app";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";

/** "Add a Zoom app": a name, then the Marketplace steps. */
export function NewZoomAppForm({ slug }: { slug: string }) {
  const [state, action, pending] = useActionState(startZoomAppAction.bind(null, slug), null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={action} className="flex max-w-lg flex-col gap-4" noValidate>
      {failed && <Alert tone="error">{failed.message}</Alert>}
      <TextField
        label="App name"
        name="name"
        required
        defaultValue={failed?.values.name ?? ""}
        error={failed?.fieldErrors.name}
        hint="Use the name you give the app in the Zoom Marketplace, so people recognise it."
      />
      <Button type="submit" disabled={pending} className="w-fit">
        Start setup
      </Button>
    </form>
  );
}
