import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { getEnv } from "@/lib/env";

export const metadata: Metadata = { title: "Connection not finished" };

/** Where a Zoom handshake lands when its connect cookie is gone. */
export default function ConnectExpiredPage() {
  const appUrl = getEnv().appUrl;
  return (
    <Card>
      <h1 className="text-xl font-semibold">The connection did not finish</h1>
      <p className="mt-2 text-sm text-slate-600">
        Zoom sent you back, but this app could not tell which credential you were connecting. This happens
        when:
      </p>
      <ul className="mt-2 list-disc pl-5 text-sm text-slate-600">
        <li>more than 15 minutes passed between pressing “Connect to Zoom” and coming back, or</li>
        <li>
          you opened the app at another address than <strong>{appUrl}</strong> (the address set as APP_URL).
        </li>
      </ul>
      <p className="mt-2 text-sm text-slate-600">
        Nothing was changed. Open the credential again and press “Connect to Zoom”.
      </p>
      <Link href="/" className="mt-4 inline-block text-sm font-medium text-brand-700 underline">
        Go to your credentials
      </Link>
    </Card>
  );
}
