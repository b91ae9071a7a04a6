import { Alert } from "@/components/ui/alert";
import { CopyField } from "@/components/ui/copy-field";
import { EVENT_SUBSCRIPTION_STEPS, eventEndpointUrl } from "@/lib/zoom-apps/event-endpoint";
import { EventSecretTokenForm } from "./event-secret-token-form";

/** "Zoom tells us when the app is removed": the endpoint to paste, the steps, the Secret Token. */
export function EventSubscriptionCard({
  slug,
  app,
}: {
  slug: string;
  app: { id: string; kind: string; hasEventSecretToken: boolean };
}) {
  return (
    <section
      aria-labelledby="events-title"
      className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
    >
      <div>
        <h2 id="events-title" className="text-lg font-semibold">
          When someone removes the app in Zoom
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Zoom can tell this app when a person removes your Zoom app from their account. Their connection is
          then marked Revoked at once, instead of failing later.
        </p>
      </div>
      {app.kind === "s2s" && (
        <Alert tone="info">
          Server-to-Server apps are not installed by users, so Zoom sends no “App Deauthorized” for them.
        </Alert>
      )}
      <ol className="flex list-decimal flex-col gap-2 pl-5 text-sm leading-relaxed marker:font-semibold marker:text-slate-500">
        {EVENT_SUBSCRIPTION_STEPS.map((step) => (
          <li key={step.text}>
            {step.text}
            {step.detail && <span className="mt-0.5 block text-slate-600">{step.detail}</span>}
          </li>
        ))}
      </ol>
      <CopyField
        label="Event notification endpoint URL"
        value={eventEndpointUrl(app.id)}
        hint="Paste into Zoom’s “Event notification endpoint URL” (Features → Event Subscriptions)."
      />
      <EventSecretTokenForm slug={slug} zoomAppId={app.id} hasToken={app.hasEventSecretToken} />
    </section>
  );
}
