import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClasses } from "@/components/ui/button";

/** Back (a link, so it works without JavaScript) and the step's own submit button. */
export function WizardNav({ backHref, next }: { backHref: string | null; next: ReactNode }) {
  return (
    <div className="flex items-center justify-between gap-3 border-t border-slate-200 pt-4">
      {backHref ? (
        <Link href={backHref} className={buttonClasses("secondary")}>
          Back
        </Link>
      ) : (
        <span />
      )}
      {next}
    </div>
  );
}
