"use client";

import { useSyncExternalStore } from "react";
import { Alert } from "@/components/ui/alert";

const subscribe = () => () => undefined;

/**
 * The most common failure: the app is opened at one address but APP_URL
 * names another, so Zoom sends people back to the wrong place and the
 * sign-in cookies are missing. Compares what the browser shows.
 */
export function AddressCheck({ appUrl }: { appUrl: string }) {
  const origin = useSyncExternalStore(
    subscribe,
    () => window.location.origin,
    () => null,
  );
  const expected = new URL(appUrl).origin;
  if (!origin || origin === expected) return null;
  return (
    <Alert tone="warning" title="This page is open at a different address">
      You opened this app at <strong>{origin}</strong>, but it is set up for <strong>{expected}</strong>{" "}
      (APP_URL). Zoom will send you back to {expected}, where you are not signed in, and the connection will
      fail. Open the app at {expected} instead, or ask whoever runs it to change APP_URL.
    </Alert>
  );
}
