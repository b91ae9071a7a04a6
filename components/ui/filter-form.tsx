import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClasses } from "./button";

/** A GET form of filters above a table: the URL holds the filters, so a filtered view can be shared. */
export function FilterForm({
  label,
  clearHref,
  children,
}: {
  label: string;
  clearHref: string;
  children: ReactNode;
}) {
  return (
    <form method="get" aria-label={label} className="mb-4 flex flex-wrap items-end gap-3">
      {children}
      <button type="submit" className={buttonClasses("secondary")}>
        Apply filters
      </button>
      <Link href={clearHref} className="py-2 text-sm text-brand-700 underline">
        Clear
      </Link>
    </form>
  );
}
