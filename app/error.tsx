"use client";

import { Card } from "@/components/ui/card";

/**
 * What a person sees when a request fails before any action could answer —
 * for example a form post larger than the server reads (1 MB) — instead of
 * the framework's bare error page. Nothing was saved by such a request.
 */
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <main className="mx-auto max-w-lg px-4 py-16">
      <Card>
        <h1 className="text-xl font-semibold">That did not work</h1>
        <p role="alert" className="mt-2 text-sm text-slate-600">
          The server could not take that request, so nothing was saved. A value may be far too long (paste
          only what the field asks for). Reload the page and try again.
        </p>
        <button
          type="button"
          onClick={() => reset()}
          className="mt-4 text-sm font-medium text-brand-700 underline"
        >
          Try again
        </button>
      </Card>
    </main>
  );
}
