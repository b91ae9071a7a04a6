import { expect } from "@playwright/test";
import { E2E_SINK_URL } from "./test-env";

/** What the notification sink (notification-sink.ts) received, for specs. */
export type SinkMail = { to: string[]; subject: string; text: string };
export type SinkHook = { status: number; verified: boolean; id: string; body: string };

export const hookUrl = (name: string) => `${E2E_SINK_URL}/hooks/${name}`;

export async function configureHook(name: string, config: { secret?: string; failTimes?: number }) {
  const response = await fetch(`${E2E_SINK_URL}/__sink/hooks/${name}`, {
    method: "PUT",
    body: JSON.stringify(config),
  });
  expect(response.ok).toBe(true);
}

export async function receivedHooks(name: string): Promise<SinkHook[]> {
  return ((await (await fetch(`${E2E_SINK_URL}/__sink/hooks/${name}`)).json()) as { received: SinkHook[] })
    .received;
}

export async function mailsTo(email: string): Promise<SinkMail[]> {
  return (await (
    await fetch(`${E2E_SINK_URL}/__sink/mail?to=${encodeURIComponent(email)}`)
  ).json()) as SinkMail[];
}

/** Waits (the worker runs every second, a retry comes 5 s later) until `check` holds. */
export const eventually = (check: () => Promise<void>) => expect(check).toPass({ timeout: 30_000 });
