import { getEnv } from "@/lib/env";
import type { Senders } from "./deliver";
import { sendEmail } from "./send-email";
import { sendWebhook } from "./send-webhook";

/** The real senders, configured from the environment. */
export function appSenders(): Senders {
  const env = getEnv();
  return {
    appUrl: env.appUrl,
    mail: env.mail,
    allowPrivateTargets: env.webhookAllowPrivateTargets,
    sendEmail,
    sendWebhook,
  };
}
