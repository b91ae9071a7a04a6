import Link from "next/link";
import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";

/**
 * The one table of the app: a card that scrolls sideways only as a last resort, a caption that
 * names the table for screen readers (visible or not), and cells with the same padding everywhere.
 * Columns that matter less can hide on narrow screens (`hideBelow`) so a phone never scrolls sideways.
 */
export function DataTable({
  caption,
  captionHidden = false,
  children,
}: {
  caption: ReactNode;
  captionHidden?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-sm">
        <caption
          className={captionHidden ? "sr-only" : "px-4 pt-4 pb-2 text-left font-medium text-slate-700"}
        >
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}

export function TableHead({ children }: { children: ReactNode }) {
  return (
    <thead className="border-b border-slate-200 text-left text-xs text-slate-500 uppercase">
      <tr>{children}</tr>
    </thead>
  );
}

/** Below this width a column (its header and its cells) is not shown. */
export type HideBelow = "sm" | "md" | "lg" | "xl";

const hidden: Record<HideBelow, string> = {
  sm: "hidden sm:table-cell",
  md: "hidden md:table-cell",
  lg: "hidden lg:table-cell",
  xl: "hidden xl:table-cell",
};

type CellOptions = { align?: "left" | "right"; hideBelow?: HideBelow; className?: string };

function cellClasses({ align = "left", hideBelow, className = "" }: CellOptions, padding: string): string {
  return [padding, align === "right" ? "text-right" : "", hideBelow ? hidden[hideBelow] : "", className]
    .filter(Boolean)
    .join(" ");
}

export function HeaderCell({
  align,
  hideBelow,
  className,
  children,
  ...rest
}: CellOptions & ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th scope="col" className={cellClasses({ align, hideBelow, className }, "px-4 py-2")} {...rest}>
      {children}
    </th>
  );
}

/** A header that sorts by its column: the link flips the direction, `aria-sort` says the current one. */
export function SortableHeaderCell({
  label,
  href,
  sorted,
  hideBelow,
}: {
  label: string;
  href: string;
  sorted: "ascending" | "descending" | undefined;
  hideBelow?: HideBelow;
}) {
  return (
    <HeaderCell hideBelow={hideBelow} aria-sort={sorted}>
      <Link href={href} className="hover:underline">
        {label}
        {sorted === "ascending" ? " ↑" : sorted === "descending" ? " ↓" : ""}
      </Link>
    </HeaderCell>
  );
}

export function TableRow({ children }: { children: ReactNode }) {
  return <tr className="border-b border-slate-100 align-top last:border-0">{children}</tr>;
}

export function Cell({
  align,
  hideBelow,
  className,
  children,
  ...rest
}: CellOptions & TdHTMLAttributes<HTMLTableCellElement>) {
  return (
    <td className={cellClasses({ align, hideBelow, className }, "px-4 py-3")} {...rest}>
      {children}
    </td>
  );
}

/** The row a table shows when it has none: spans every column and says why it is empty. */
export function EmptyRow({ columns, children }: { columns: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={columns} className="px-4 py-6 text-slate-600">
        {children}
      </td>
    </tr>
  );
}
