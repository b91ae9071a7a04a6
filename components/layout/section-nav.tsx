"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { NavItem } from "./app-nav";

/**
 * The pages of one area (Admin): a column beside the page on a wide screen,
 * pills that wrap on a phone, so every page stays in sight without scrolling.
 */
export function SectionNav({ label, items }: { label: string; items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-1 lg:flex-col">
        {items.map((item) => {
          const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={`block rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap ${active ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900"}`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
