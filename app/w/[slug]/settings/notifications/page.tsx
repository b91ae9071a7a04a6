import type { Metadata } from "next";
import { DeliveryLog } from "@/components/notifications/delivery-log";
import { EmailOffNotice } from "@/components/notifications/email-off-notice";
import { EmailPreferenceForm } from "@/components/notifications/email-preference-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requireWorkspacePage } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { listDeliveryAttempts } from "@/lib/notifications/list-deliveries";
import { emailIsOn } from "@/lib/notifications/preferences";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const ctx = await requireWorkspacePage((await params).slug);
  const mailOn = getEnv().mail !== null;
  const [on, attempts] = await Promise.all([
    emailIsOn(db(), ctx),
    listDeliveryAttempts(db(), ctx.workspace.id, { channel: "email", target: ctx.user.email }),
  ]);
  return (
    <>
      <PageHeader
        title="Notifications"
        description={`Email to ${ctx.user.email} when a Zoom credential breaks, is about to expire, or works again — so you hear of it without opening the app.`}
      />
      <div className="flex flex-col gap-6">
        {!mailOn && <EmailOffNotice />}
        <Card>
          <EmailPreferenceForm slug={ctx.workspace.slug} emailOn={on} />
        </Card>
        <DeliveryLog attempts={attempts} showRecipient={false} />
      </div>
    </>
  );
}
