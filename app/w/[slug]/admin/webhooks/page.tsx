import type { Metadata } from "next";
import Link from "next/link";
import { DeliveryLog } from "@/components/notifications/delivery-log";
import { RemoveWebhookButton, SendTestEventButton } from "@/components/notifications/webhook-buttons";
import { WebhookForm } from "@/components/notifications/webhook-form";
import { Card, PageHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { requireWorkspacePage } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { listDeliveryAttempts } from "@/lib/notifications/list-deliveries";
import { findWebhookEndpoint } from "@/lib/notifications/webhook-endpoint";

export const metadata: Metadata = { title: "Webhooks" };

export default async function AdminWebhooksPage({ params }: { params: Promise<{ slug: string }> }) {
  const ctx = await requireWorkspacePage((await params).slug, "admin");
  const [endpoint, attempts] = await Promise.all([
    findWebhookEndpoint(db(), ctx.workspace.id),
    listDeliveryAttempts(db(), ctx.workspace.id, { channel: "webhook" }),
  ]);
  return (
    <>
      <PageHeader
        title="Webhooks"
        description={
          "This app POSTs a signed JSON message to your URL when a Zoom credential of this workspace breaks, " +
          "expires soon, is removed in Zoom, cannot reach Zoom for over an hour, or works again. " +
          "Failed deliveries are retried for a day."
        }
      />
      <div className="flex flex-col gap-6">
        <Card>
          <div className="flex flex-col gap-4">
            <WebhookForm slug={ctx.workspace.slug} currentUrl={endpoint?.url ?? null} />
            {endpoint && (
              <div className="flex flex-wrap items-start justify-between gap-3 border-t border-slate-200 pt-4">
                <div className="flex flex-col gap-2">
                  <p className="text-sm text-slate-600">
                    Saved {formatDateTime(endpoint.updatedAt)}. Each delivery carries webhook-id,
                    webhook-timestamp and webhook-signature headers (Standard Webhooks); the README shows how
                    to check them.
                  </p>
                  <SendTestEventButton slug={ctx.workspace.slug} />
                </div>
                <RemoveWebhookButton slug={ctx.workspace.slug} />
              </div>
            )}
          </div>
        </Card>
        <p className="text-sm text-slate-600">
          Email notifications are each member’s own choice, under{" "}
          <Link className="font-medium underline" href={`/w/${ctx.workspace.slug}/settings/notifications`}>
            Notifications
          </Link>
          .
        </p>
        <DeliveryLog attempts={attempts} showRecipient={false} />
      </div>
    </>
  );
}
