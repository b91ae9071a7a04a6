import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { credentialFiltersHref, type CredentialFilters } from "@/lib/credentials/credential-filters";

/** Previous / next page of the admins' table, keeping the filters and the sort. */
export function CredentialPagesNav({
  base,
  filters,
  pages,
}: {
  base: string;
  filters: CredentialFilters;
  pages: number;
}) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pages" className="mt-4 flex items-center justify-between text-sm">
      {filters.page > 1 ? (
        <Link
          className={buttonClasses("secondary")}
          href={credentialFiltersHref(base, filters, { page: filters.page - 1 })}
        >
          Previous page
        </Link>
      ) : (
        <span />
      )}
      {filters.page < pages ? (
        <Link
          className={buttonClasses("secondary")}
          href={credentialFiltersHref(base, filters, { page: filters.page + 1 })}
        >
          Next page
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
