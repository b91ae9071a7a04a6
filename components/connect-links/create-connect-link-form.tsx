"use client";

import { useActionState } from "react";
import { createConnectLinkAction } from "@/app/_actions/create-connect-link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { formatDateTime } from "@/components/ui/format";
import { TextField } from "@/components/ui/text-field";

type Member = { id: string; name: string; email: string };

/** A single-use link for someone without an account; the URL is shown once. */
export function CreateConnectLinkForm({
  slug,
  zoomAppId,
  members,
  me,
}: {
  slug: string;
  zoomAppId: string;
  members: Member[];
  me: string;
}) {
  const [state, action, pending] = useActionState(createConnectLinkAction.bind(null, slug), null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <input type="hidden" name="zoomAppId" value={zoomAppId} />
      {failed && <Alert tone="error">{failed.message}</Alert>}
      {state?.ok && state.data && (
        <Alert tone="success" title="Connect link created">
          <div className="flex flex-col gap-2">
            <CopyField label="Connect link" value={state.data.url} />
            <span>
              Send it to the person whose Zoom account should be connected. It works once, until{" "}
              {formatDateTime(state.data.expiresAt)}, and is shown only now.
            </span>
          </div>
        </Alert>
      )}
      <TextField
        label="Note"
        name="note"
        defaultValue={failed?.values.note ?? ""}
        error={failed?.fieldErrors.note}
        hint="Shown on the link’s page and in the list, for example “Webinar account of Kim”."
      />
      <div className="flex flex-col gap-1">
        <label htmlFor="link-owner" className="text-sm font-medium text-slate-800">
          Owner of the connection
        </label>
        <select
          id="link-owner"
          name="ownerId"
          defaultValue={failed?.values.ownerId ?? me}
          className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
        >
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name} ({m.email})
            </option>
          ))}
        </select>
        {failed?.fieldErrors.ownerId && <p className="text-sm text-red-700">{failed.fieldErrors.ownerId}</p>}
      </div>
      <TextField
        label="Works for (days)"
        name="days"
        type="number"
        min={1}
        max={30}
        defaultValue={failed?.values.days ?? "7"}
        error={failed?.fieldErrors.days}
      />
      <Button type="submit" disabled={pending} className="w-fit">
        Create connect link
      </Button>
    </form>
  );
}
