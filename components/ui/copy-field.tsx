"use client";

import { Check, Copy } from "lucide-react";
import { useId, useState } from "react";

/**
 * A read-only value with a Copy button named "Copy <label>", which confirms
 * the copy out loud (aria-live) and on screen.
 */
export function CopyField({ label, value, hint }: { label: string; value: string; hint?: string }) {
  const id = useId();
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied("yes");
    } catch {
      // Clipboard access can be refused (http pages, permissions): select the text instead.
      (document.getElementById(id) as HTMLInputElement | null)?.select();
      setCopied("failed");
    }
    setTimeout(() => setCopied(null), 4000);
  }

  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          readOnly
          value={value}
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm"
        />
        <button
          type="button"
          onClick={copy}
          aria-label={`Copy ${label}`}
          className="inline-flex shrink-0 items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50"
        >
          {copied === "yes" ? (
            <Check aria-hidden className="h-4 w-4 text-green-600" />
          ) : (
            <Copy aria-hidden className="h-4 w-4" />
          )}
          {copied === "yes" ? "Copied" : "Copy"}
        </button>
      </div>
      <p aria-live="polite" className="min-h-4 text-xs text-slate-600">
        {copied === "yes"
          ? `${label} copied to the clipboard.`
          : copied === "failed"
            ? "Your browser blocked copying: the text is selected, press Ctrl+C (⌘C on a Mac)."
            : (hint ?? "")}
      </p>
    </div>
  );
}
