import { getEnv } from "@/lib/env";
import type { Instruction } from "@/lib/guides/types";

/** Where Zoom sends one app's event notifications, built from APP_URL. */
export function eventEndpointUrl(zoomAppId: string): string {
  return `${getEnv().appUrl}/api/zoom/events/${zoomAppId}`;
}

/** The Marketplace steps that make Zoom tell us when a user removes the app. */
export const EVENT_SUBSCRIPTION_STEPS: readonly Instruction[] = [
  { text: "In the Zoom App Marketplace, open your app and go to Features." },
  {
    text: "Copy the app’s Secret Token and paste it below, then press Save Secret Token.",
    detail:
      "Zoom shows it next to Event Subscriptions (on newer screens under Features → Access). Zoom signs every event with it; events whose signature does not match are refused.",
  },
  { text: "Turn on Event Subscriptions and press Add Event Subscription. Give it any name." },
  { text: "Paste the Event notification endpoint URL below into “Event notification endpoint URL”." },
  { text: "Press Add Events, and under App tick “App Deauthorized”. Press Done." },
  {
    text: "Press Save. Zoom checks the address at once and shows “Validated” when it works.",
    detail: "Save the Secret Token here first: the check needs it.",
  },
];
