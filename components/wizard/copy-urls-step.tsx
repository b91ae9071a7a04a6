import { Alert } from "@/components/ui/alert";
import { CopyField } from "@/components/ui/copy-field";
import { getEnv } from "@/lib/env";
import { redirectUrlWarnings, zoomRedirectUrl } from "@/lib/zoom-connect/redirect-url";
import { AddressCheck } from "./address-check";

export function CopyUrlsStep() {
  const url = zoomRedirectUrl();
  return (
    <div className="flex flex-col gap-4">
      <CopyField
        label="OAuth Redirect URL"
        value={url}
        hint="Paste into Zoom’s “OAuth Redirect URL” field (Basic Info → OAuth Information)."
      />
      <CopyField
        label="OAuth Allow List URL"
        value={url}
        hint="Paste into Zoom’s “OAuth Allow Lists” and add it (same section)."
      />
      <AddressCheck appUrl={getEnv().appUrl} />
      {redirectUrlWarnings().map((warning) => (
        <Alert key={warning.id} tone="warning">
          {warning.message}
        </Alert>
      ))}
    </div>
  );
}
