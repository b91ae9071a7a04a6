"use client";

import { useActionState } from "react";
import { removeWebhookAction } from "@/app/_actions/remove-webhook";
import { sendTestEventAction } from "@/app/_actions/send-test-event";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";

export function SendTestEventButton({ slug }: { slug: string }) {
  const [state, action, pending] = useActionState(sendTestEventAction.bind(null, slug), null);
  return (
    <form action={action} className="flex flex-col items-start gap-2">
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Sending…" : "Send test event"}
      </Button>
      {state && <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>}
    </form>
  );
}

export function RemoveWebhookButton({ slug }: { slug: string }) {
  return (
    <ConfirmActionButton
      action={removeWebhookAction.bind(null, slug)}
      field="confirm"
      value="yes"
      label="Remove webhook"
      title="Remove the webhook?"
      description="Nothing more is sent to it, and deliveries still queued for it are dropped. Its signing secret is deleted."
      confirmLabel="Remove webhook"
    />
  );
}
